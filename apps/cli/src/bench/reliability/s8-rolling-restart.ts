import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { batchChecks, batchPrompts, referenceTexts, tallyBatch } from './batch-checks.js';
import { startFaultStack, type FaultStack } from './fault-stack.js';
import { faultChecks, injectProcessFaults, longestRecovery } from './process-faults.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { submitAll, waitUntilDrained } from './submit-batch.js';

const SEED = 13;
/** Load keeps coming in waves (every second) until the roll is over, so every SIGTERM lands under load. */
const SIZES = {
  short: { wave: 6, rounds: 1, timeScale: 0.1, budgetMs: 120_000 },
  long: { wave: 8, rounds: 3, timeScale: 0.1, budgetMs: 420_000 },
} as const;

async function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const prompts = batchPrompts(64);
  const reference = await referenceTexts(prompts, SEED);
  const stack = await startFaultStack({ machines: 3, timeScale: SIZES[context.form].timeScale, seed: SEED });
  try {
    return await rollDuringBatch(stack, prompts, reference, context);
  } finally {
    await stack.stop();
  }
}

async function rollDuringBatch(
  stack: FaultStack,
  prompts: readonly string[],
  reference: ReadonlyMap<string, string>,
  context: ScenarioContext,
): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const started = performance.now();
  let rolled = false;
  const load = loadInWaves(stack, prompts, size.wave, () => rolled);
  // Every worker in turn, each back (drained, restarted, ready) before the next is stopped.
  const order = stack.workers.map((worker) => worker.name);
  let next = 0;
  const planned = order.length * size.rounds;
  const faults = await injectProcessFaults(stack.workers, {
    count: planned,
    signal: 'SIGTERM',
    oneAtATime: true,
    pick: (running) => {
      const name = order[next++ % order.length];
      return running.find((child) => child.name === name);
    },
    gapMs: () => 500,
    done: () => false,
    signalAbort: context.signal,
  }).finally(() => (rolled = true));
  const { submitted, refused } = await load;
  const views = await stack.api.awaitTerminal(
    submitted.map((entry) => entry.id),
    { timeoutMs: size.budgetMs, signal: context.signal },
  );
  const tally = tallyBatch(submitted, views, reference);
  const leftover = await waitUntilDrained(stack, context.signal);
  return {
    requests: submitted.length + refused,
    faultsInjected: faults.length,
    lost: tally.lost,
    duplicated: tally.duplicatedThreads,
    http5xx: stack.api.serverErrors(),
    recoverMs: longestRecovery(faults),
    extra: { rounds: size.rounds, 'batch wall': `${((performance.now() - started) / 1000).toFixed(1)} s` },
    checks: [
      check(
        'every submission accepted',
        refused === 0,
        `${submitted.length}/${submitted.length + refused} answered 202`,
      ),
      ...faultChecks(faults, planned, 'SIGTERMs'),
      ...batchChecks(tally, submitted.length),
      check(
        'no job left unfinished',
        Object.values(leftover).every((count) => count === 0),
        JSON.stringify(leftover),
      ),
    ],
  };
}

/** Scenario 8: SIGTERM every worker in turn under load (a rolling restart); nothing is lost. */
export const ROLLING_RESTART: ReliabilityScenario = {
  id: 8,
  name: 'rolling-restart',
  title: 'SIGTERM every worker in turn during a batch (a rolling restart); each drains and is restarted',
  forms: ['short', 'long'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};

/** Submits `wave` prompts every second (cycling through `prompts`) until `stop()`; everything sent. */
async function loadInWaves(
  stack: FaultStack,
  prompts: readonly string[],
  wave: number,
  stop: () => boolean,
): Promise<{ submitted: { id: string; prompt: string }[]; refused: number }> {
  const submitted: { id: string; prompt: string }[] = [];
  let refused = 0;
  for (let round = 0; !stop(); round += 1) {
    const batch = Array.from({ length: wave }, (_, index) => prompts[(round * wave + index) % prompts.length]!);
    const sent = await submitAll(stack.api, batch);
    submitted.push(...sent.submitted);
    refused += sent.refused;
    await sleep(1_000);
  }
  return { submitted, refused };
}
