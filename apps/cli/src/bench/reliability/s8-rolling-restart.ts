import { setTimeout as sleep } from 'node:timers/promises';
import { batchPrompts } from './batch-checks.js';
import { batchFigures, settleBatch, withBatchStack, type BatchRun, type SentBatch } from './batch-scenario.js';
import type { FaultStack } from './fault-stack.js';
import { faultChecks, injectProcessFaults, longestRecovery } from './process-faults.js';
import type { ReliabilityScenario, ScenarioContext, ScenarioFigures } from './scenario.js';
import { submitAll } from './submit-batch.js';

const SEED = 13;
/** Load keeps coming in waves (every second) until the roll is over, so every SIGTERM lands under load. */
const SIZES = {
  short: { wave: 6, rounds: 1, timeScale: 0.1, budgetMs: 120_000 },
  long: { wave: 8, rounds: 3, timeScale: 0.1, budgetMs: 420_000 },
} as const;

function run(context: ScenarioContext): Promise<ScenarioFigures> {
  return withBatchStack(batchPrompts(64), { timeScale: SIZES[context.form].timeScale, seed: SEED }, (batch) =>
    rollDuringBatch(batch, context),
  );
}

async function rollDuringBatch(run: BatchRun, context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const { stack } = run;
  let rolled = false;
  const load = loadInWaves(stack, run.prompts, size.wave, () => rolled);
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
  const sent = await load;
  const views = await stack.api.awaitTerminal(
    sent.submitted.map((entry) => entry.id),
    { timeoutMs: size.budgetMs, signal: context.signal },
  );
  return batchFigures(run, sent, await settleBatch(run, sent.submitted, views, context.signal), {
    requests: sent.submitted.length + sent.refused,
    faultsInjected: faults.length,
    recoverMs: longestRecovery(faults),
    extra: { rounds: size.rounds },
    checks: faultChecks(faults, planned, 'SIGTERMs'),
  });
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
): Promise<SentBatch> {
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
