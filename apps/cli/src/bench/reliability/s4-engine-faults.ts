import { performance } from 'node:perf_hooks';
import type { RequestView } from '@threadloom/contracts';
import { batchPrompts, describeMismatches, tallyBatch } from './batch-checks.js';
import { acceptedCheck, withBatchStack, type BatchRun } from './batch-scenario.js';
import type { FaultStack } from './fault-stack.js';
import {
  describeCounts,
  isContextFailure,
  outcomeChecks,
  tallyOutcomes,
  type DeadlinedRequest,
} from './request-outcomes.js';
import { formatMs } from './run-scenario.js';
import { check, type ReliabilityScenario, type ScenarioContext, type ScenarioFigures } from './scenario.js';
import { injectedFaultsOf } from './sim-faults.js';

const SEED = 7;
/** 10% of engine calls fail: 2% each of HTTP 500, 503, connection reset, slow, and context-length 400. */
const FAULT_RATE = '500=0.02,503=0.02,reset=0.02,slow=0.02,context=0.02';
const FAULT_KINDS = ['500', '503', 'reset', 'slow', 'context'] as const;
/** A slow fault holds a call this long (wall ms) before serving it. */
const SLOW_MS = 1_500;
/** Every tenth request gets a deadline shorter than the batch, so some expire while faults are retried. */
const TIGHT_EVERY = 10;
/**
 * How late a request may settle past its deadline: a running job aborts at the deadline, and the worker's
 * deadline sweep (every DEADLINE_SWEEP_MS, 1 s) expires one whose next job still waits in a queue; the
 * slack covers a sweep period and a loaded 2-core machine (latest measured 1.0 s).
 */
const DEADLINE_SLACK_MS = 5_000;
const SIZES = {
  short: { requests: 60, timeScale: 0.05, deadlineMs: 120_000, tightDeadlineMs: 4_000, budgetMs: 200_000 },
  long: { requests: 300, timeScale: 0.05, deadlineMs: 300_000, tightDeadlineMs: 4_000, budgetMs: 480_000 },
} as const;

function run(context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  return withBatchStack(
    batchPrompts(size.requests),
    { timeScale: size.timeScale, seed: SEED, simFaults: { rate: FAULT_RATE, slowMs: SLOW_MS } },
    (batch) => faultyBatch(batch, context),
  );
}

/** Submits each prompt with its deadline (16 at a time); the accepted ones, and how many were refused. */
async function submitWithDeadlines(stack: FaultStack, prompts: readonly string[], form: ScenarioContext['form']) {
  const size = SIZES[form];
  const submitted: (DeadlinedRequest & { prompt: string })[] = [];
  let refused = 0;
  for (let start = 0; start < prompts.length; start += 16) {
    const answers = await Promise.all(
      prompts.slice(start, start + 16).map(async (prompt, offset) => {
        const deadlineMs = (start + offset) % TIGHT_EVERY === 0 ? size.tightDeadlineMs : size.deadlineMs;
        return { prompt, deadlineMs, ...(await stack.api.submit({ prompt, deadline_ms: deadlineMs })) };
      }),
    );
    for (const { prompt, deadlineMs, id } of answers) {
      if (id === undefined) refused += 1;
      else submitted.push({ id, prompt, deadlineMs });
    }
  }
  return { submitted, refused };
}

/** A failure the scenario caused: an injected context 400 (a step's or a thread's), or a deadline that passed. */
function expectedFailure(view: RequestView, code: string | undefined): boolean {
  if (view.status === 'expired') return code === 'deadline_exceeded';
  return (code === 'context_length_exceeded' || code === 'thread_failed') && isContextFailure(view);
}

async function faultyBatch(run: BatchRun, context: ScenarioContext): Promise<ScenarioFigures> {
  const size = SIZES[context.form];
  const { stack, prompts } = run;
  const sent = await submitWithDeadlines(stack, prompts, context.form);
  const { submitted } = sent;
  const views = await stack.api.awaitTerminal(
    submitted.map((entry) => entry.id),
    { timeoutMs: size.budgetMs, signal: context.signal, pollMs: 250 },
  );
  const tally = tallyBatch(submitted, views, run.reference);
  const outcomes = tallyOutcomes(submitted, views, {
    slackMs: DEADLINE_SLACK_MS,
    now: Date.now(),
    expected: expectedFailure,
  });
  const faults = await injectedFaultsOf(stack.stack.machines.map((machine) => machine.engineUrl));
  const injected = [...faults.values()].reduce((sum, count) => sum + count, 0);
  return {
    requests: prompts.length,
    faultsInjected: injected,
    lost: tally.lost,
    duplicated: tally.duplicatedThreads,
    http5xx: stack.api.serverErrors(),
    recoverMs: undefined,
    extra: {
      'faults by kind': describeCounts(faults),
      completed: tally.completed,
      'not completed': describeCounts(outcomes.byCode),
      'latest vs deadline': formatMs(outcomes.latestVsDeadlineMs),
      'batch wall': formatMs(performance.now() - run.started),
    },
    checks: [
      acceptedCheck(sent),
      check(
        'every fault kind injected',
        FAULT_KINDS.every((kind) => (faults.get(kind) ?? 0) > 0),
        describeCounts(faults),
      ),
      check('every request terminal', tally.lost === 0, `${tally.terminal}/${prompts.length}`),
      check('completed requests identical to a fault-free run', tally.mismatched === 0, describeMismatches(tally)),
      check('no thread counted twice', tally.duplicatedThreads === 0, `${tally.duplicatedThreads} duplicates`),
      ...outcomeChecks(outcomes, DEADLINE_SLACK_MS),
    ],
  };
}

/** Scenario 4: 10% engine faults (500, 503, reset, slow, context 400) under a batch with deadlines. */
export const ENGINE_FAULTS: ReliabilityScenario = {
  id: 4,
  name: 'engine-faults',
  title:
    'engine faults at 10% (500, 503, reset, slow, context 400) on 3 machines; every request settles by its deadline',
  forms: ['short', 'long'],
  budgetMs: (form) => SIZES[form].budgetMs,
  run,
};
