import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { isTerminalStatus } from '@threadloom/contracts';
import { startRedisServer, type RunningRedis } from '@threadloom/devstack';
import { batchChecks, batchPrompts, referenceTexts, tallyBatch } from './batch-checks.js';
import type { CountingApi } from './counting-api.js';
import { startFaultStack, type FaultStack } from './fault-stack.js';
import { InvalidNetworkFaultsError } from './invalid-network-faults.error.js';
import { linkFaultFigures } from './link-fault-figures.js';
import { startLinkFaults, type LinkFaults } from './link-faults.js';
import { createNetnsMachines, type NetnsMachines } from './netns-machines.js';
import { requireIptables } from './netns-packet-loss.js';
import { parseNetworkFaultSettings, type NetworkFaultSettings } from './network-fault-settings.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { describeCounts } from './request-outcomes.js';
import { submitAll, waitUntilDrained } from './submit-batch.js';

const SEED = 13;
/** The machine cut off (index): its reason and thread jobs must be retried on the other two. */
const VICTIM = 1;
const SIZES = {
  short: { requests: 45, partitionMs: 10_000, afterMs: 2_000, timeScale: 0.3, budgetMs: 85_000 },
  long: { requests: 200, partitionMs: 30_000, afterMs: 5_000, timeScale: 0.3, budgetMs: 300_000 },
} as const;

/** The loss and latency of THREADLOOM_NET_LOSS / THREADLOOM_NET_DELAY_MS; throws when iptables is missing, never skips loss. */
function networkFaultSettings(): NetworkFaultSettings {
  const parsed = parseNetworkFaultSettings(process.env);
  if (!parsed.ok) throw new InvalidNetworkFaultsError(parsed.issues);
  requireIptables();
  return parsed.value;
}

async function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const settings = networkFaultSettings();
  const size = SIZES[context.form];
  const prompts = batchPrompts(size.requests);
  const reference = await referenceTexts(prompts, SEED);
  const machines = createNetnsMachines(3);
  let redis: RunningRedis | undefined;
  let faults: LinkFaults | undefined;
  try {
    // Redis (and the API, the join worker) stay on the host; the namespaces reach it by the bridge address,
    // through the relay that delays them (direct only for the PING baseline).
    redis = await startRedisServer({ bind: ['127.0.0.1', machines.hostAddress] });
    faults = await startLinkFaults(machines, redis.port, settings);
    const stack = await startFaultStack({
      machines: 3,
      timeScale: size.timeScale,
      seed: SEED,
      redisUrl: faults.redisUrl,
      machineNamespaces: machines.namespaces,
    });
    try {
      return await partitionDuringBatch(stack, machines, faults, { prompts, reference }, context);
    } finally {
      machines.restore(VICTIM);
      await stack.stop();
    }
  } finally {
    await faults?.close();
    await redis?.stop();
    machines.remove();
  }
}

async function partitionDuringBatch(
  stack: FaultStack,
  machines: NetnsMachines,
  faults: LinkFaults,
  { prompts, reference }: { prompts: readonly string[]; reference: ReadonlyMap<string, string> },
  context: ScenarioContext,
): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const roundTrips = await faults.measureRoundTrips(context.signal);
  const started = performance.now();
  const { submitted, refused } = await submitAll(stack.api, prompts);
  const ids = submitted.map((entry) => entry.id);
  const waiting = stack.api.awaitTerminal(ids, { timeoutMs: size.budgetMs, signal: context.signal });
  const { atPartition, atRestore, cutOff } = await cutOffAWhile(stack.api, machines, ids, context);
  const restored = performance.now();
  const views = await waiting;
  const drainMs = performance.now() - restored;
  const tally = tallyBatch(submitted, views, reference);
  const leftover = await waitUntilDrained(stack, context.signal);
  const doneWhileCut = atRestore - atPartition;
  const link = linkFaultFigures({ ...faults.measures(), roundTrips });
  return {
    requests: prompts.length,
    faultsInjected: 1,
    lost: tally.lost,
    duplicated: tally.duplicatedThreads,
    http5xx: stack.api.serverErrors(),
    recoverMs: drainMs,
    extra: {
      partition: `${(size.partitionMs / 1000).toFixed(0)} s`,
      'terminal before cut': atPartition,
      'terminal while cut': doneWhileCut,
      'terminal after restore': prompts.length - atRestore,
      'drain after restore': `${(drainMs / 1000).toFixed(1)} s`,
      'batch wall': `${((performance.now() - started) / 1000).toFixed(1)} s`,
      ...link.extra,
    },
    checks: [
      check('every submission accepted', refused === 0, `${submitted.length}/${prompts.length} answered 202`),
      check(
        'the machine was cut off mid-batch',
        cutOff && atPartition < prompts.length,
        `${atPartition} terminal at the cut`,
      ),
      check('the batch went on while the machine was cut off', doneWhileCut > 0, `${doneWhileCut} settled meanwhile`),
      check(
        'the batch outlasted the partition',
        atRestore < prompts.length,
        `${prompts.length - atRestore} left at restore`,
      ),
      ...batchChecks(tally, prompts.length),
      check(
        'no job left unfinished',
        Object.values(leftover).every((count) => count === 0),
        describeCounts(leftover),
      ),
      ...link.checks,
    ],
  };
}

/** Cuts the victim off mid-batch for the form's partition time, then restores it; terminal counts at both ends. */
async function cutOffAWhile(
  api: CountingApi,
  machines: NetnsMachines,
  ids: readonly string[],
  context: ScenarioContext,
) {
  const size = SIZES[context.form];
  await sleep(size.afterMs, undefined, { signal: context.signal });
  const atPartition = await countTerminal(api, ids);
  machines.partition(VICTIM);
  const cutOff = !machines.linkUp(VICTIM);
  await sleep(size.partitionMs, undefined, { signal: context.signal }).catch(() => undefined);
  const atRestore = await countTerminal(api, ids);
  machines.restore(VICTIM);
  return { atPartition, atRestore, cutOff };
}

async function countTerminal(api: CountingApi, ids: readonly string[]): Promise<number> {
  const views = await Promise.all(ids.map((id) => api.get(id)));
  return views.filter((view) => view !== undefined && isTerminalStatus(view.status)).length;
}

/**
 * Scenario 3: 3 machines (simulator + worker in their own network namespace) on lossy, delayed links,
 * one cut off mid-batch, then restored.
 */
export const NETWORK_PARTITION: ReliabilityScenario = {
  id: 3,
  name: 'network-partition',
  title:
    'random loss and relay latency on 3 machines (own network namespace, veth to the Redis host), one partitioned mid-batch; its jobs move on lock expiry',
  forms: ['short', 'long'],
  requires: ['root'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};
