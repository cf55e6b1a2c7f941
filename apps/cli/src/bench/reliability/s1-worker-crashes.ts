import { performance } from 'node:perf_hooks';
import { batchPrompts } from './batch-checks.js';
import { waitForProgress } from './batch-progress.js';
import { killTarget } from './kill-target.js';
import { batchFigures, settleBatch, withBatchStack, type BatchRun } from './batch-scenario.js';
import { faultChecks, injectProcessFaults, longestRecovery, medianRecovery } from './process-faults.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { describeCounts } from './request-outcomes.js';
import { formatMs } from './run-scenario.js';
import { seededRandom } from './seeded-random.js';
import { submitAll } from './submit-batch.js';

const SEED = 11;
const SIZES = {
  short: { requests: 50, kills: 10, timeScale: 0.08, budgetMs: 150_000 },
  long: { requests: 300, kills: 60, timeScale: 0.08, budgetMs: 420_000 },
} as const;

function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  return withBatchStack(batchPrompts(size.requests), { timeScale: size.timeScale, seed: SEED }, (batch) =>
    crashDuringBatch(batch, context),
  );
}

async function crashDuringBatch(run: BatchRun, context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const { stack, prompts } = run;
  const sent = await submitAll(stack.api, prompts);
  let settled = false;
  const ids = sent.submitted.map((entry) => entry.id);
  const waiting = stack.api
    .awaitTerminal(ids, { timeoutMs: size.budgetMs, signal: context.signal })
    .finally(() => (settled = true));
  const random = seededRandom(SEED);
  const faults = await injectProcessFaults(stack.workers, {
    count: size.kills,
    signal: 'SIGKILL',
    pick: (running) => running[Math.floor(random() * running.length)],
    gapMs: () => 300 + random() * 900,
    // Kill i also waits for its share of the batch to be terminal: however fast the batch runs on a given
    // machine, the kills spread over it and the last lands well before its end (a kill only stalls progress).
    gate: (index) =>
      waitForProgress(stack, sent.submitted, killTarget(index, size.kills, ids.length), context.signal).then(
        () => undefined,
      ),
    done: () => settled,
    signalAbort: context.signal,
  });
  const lastFault = performance.now();
  const views = await waiting;
  const drainMs = performance.now() - lastFault;
  const end = await settleBatch(run, sent.submitted, views, context.signal);
  const joinKills = faults.filter((fault) => fault.name === 'worker join').length;
  const stuck = end.leftover['waiting-children'] ?? 0;
  return batchFigures(run, sent, end, {
    requests: prompts.length,
    faultsInjected: faults.length,
    recoverMs: longestRecovery(faults),
    extra: {
      'kills reason+thread': faults.length - joinKills,
      'kills join': joinKills,
      'restart p50': formatMs(medianRecovery(faults) ?? 0),
      'drain after last kill': formatMs(drainMs),
    },
    checks: [
      ...faultChecks(faults, size.kills, 'SIGKILLs'),
      check('no parent stuck in waiting-children', stuck === 0, describeCounts(end.leftover)),
    ],
  });
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
