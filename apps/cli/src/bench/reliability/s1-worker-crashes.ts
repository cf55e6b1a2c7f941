import { performance } from 'node:perf_hooks';
import { batchChecks, batchPrompts, referenceTexts, tallyBatch } from './batch-checks.js';
import { startFaultStack, type FaultStack } from './fault-stack.js';
import { faultChecks, injectProcessFaults, longestRecovery, medianRecovery } from './process-faults.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { describeCounts } from './request-outcomes.js';
import { seededRandom } from './seeded-random.js';
import { submitAll, waitUntilDrained } from './submit-batch.js';

const SEED = 11;
const SIZES = {
  short: { requests: 50, kills: 10, timeScale: 0.08, budgetMs: 150_000 },
  long: { requests: 300, kills: 60, timeScale: 0.08, budgetMs: 420_000 },
} as const;

async function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const prompts = batchPrompts(size.requests);
  const reference = await referenceTexts(prompts, SEED);
  const stack = await startFaultStack({ machines: 3, timeScale: size.timeScale, seed: SEED });
  try {
    return await crashDuringBatch(stack, prompts, reference, context);
  } finally {
    await stack.stop();
  }
}

async function crashDuringBatch(
  stack: FaultStack,
  prompts: readonly string[],
  reference: ReadonlyMap<string, string>,
  context: ScenarioContext,
): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const started = performance.now();
  const { submitted, refused } = await submitAll(stack.api, prompts);
  let settled = false;
  const ids = submitted.map((entry) => entry.id);
  const waiting = stack.api
    .awaitTerminal(ids, { timeoutMs: size.budgetMs, signal: context.signal })
    .finally(() => (settled = true));
  const random = seededRandom(SEED);
  const faults = await injectProcessFaults(stack.workers, {
    count: size.kills,
    signal: 'SIGKILL',
    pick: (running) => running[Math.floor(random() * running.length)],
    gapMs: () => 300 + random() * 900,
    done: () => settled,
    signalAbort: context.signal,
  });
  const lastFault = performance.now();
  const views = await waiting;
  const drainMs = performance.now() - lastFault;
  const tally = tallyBatch(submitted, views, reference);
  const leftover = await waitUntilDrained(stack, context.signal);
  const joinKills = faults.filter((fault) => fault.name === 'worker join').length;
  return {
    requests: prompts.length,
    faultsInjected: faults.length,
    lost: tally.lost,
    duplicated: tally.duplicatedThreads,
    http5xx: stack.api.serverErrors(),
    recoverMs: longestRecovery(faults),
    extra: {
      'kills reason+thread': faults.length - joinKills,
      'kills join': joinKills,
      'restart p50': `${((medianRecovery(faults) ?? 0) / 1000).toFixed(1)} s`,
      'drain after last kill': `${(drainMs / 1000).toFixed(1)} s`,
      'batch wall': `${((performance.now() - started) / 1000).toFixed(1)} s`,
    },
    checks: [
      check('every submission accepted', refused === 0, `${submitted.length}/${prompts.length} answered 202`),
      ...faultChecks(faults, size.kills, 'SIGKILLs'),
      ...batchChecks(tally, prompts.length),
      check('no parent stuck in waiting-children', (leftover['waiting-children'] ?? 0) === 0, describeCounts(leftover)),
      check(
        'no job left unfinished',
        Object.values(leftover).every((count) => count === 0),
        describeCounts(leftover),
      ),
    ],
  };
}

/** Scenario 1: SIGKILLs of random workers (reason, thread and join roles) during a batch on 3 machines. */
export const WORKER_CRASHES: ReliabilityScenario = {
  id: 1,
  name: 'worker-crashes',
  title: 'SIGKILL random workers (reason, thread, join) during a batch on 3 machines; the supervisor restarts them',
  forms: ['short', 'long'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};
