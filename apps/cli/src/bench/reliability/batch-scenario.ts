import { performance } from 'node:perf_hooks';
import type { RequestView } from '@threadloom/contracts';
import type { StackHooks } from '../../stack/local-stack.js';
import { batchChecks, referenceTexts, tallyBatch, type BatchTally } from './batch-checks.js';
import { startFaultStack, type FaultStack, type FaultStackOptions } from './fault-stack.js';
import { describeCounts } from './request-outcomes.js';
import { reportMismatches } from './mismatch-report.js';
import { formatMs } from './run-scenario.js';
import { check, type ScenarioCheck, type ScenarioFigures } from './scenario.js';
import { waitUntilDrained } from './submit-batch.js';

/** What a batch scenario runs on: its prompts, their fault-free texts, the fault stack, and when the batch began. */
export interface BatchRun {
  readonly stack: FaultStack;
  readonly prompts: readonly string[];
  readonly reference: ReadonlyMap<string, string>;
  /** `performance.now()` once the stack was up, just before the batch. */
  readonly started: number;
}

/** The submissions a scenario sent: the accepted ones with their prompt, and how many were refused. */
export interface SentBatch {
  readonly submitted: readonly { readonly id: string; readonly prompt: string }[];
  readonly refused: number;
}

/**
 * The skeleton of every batch fault scenario: the reference texts of `prompts` (the in-process runtime on
 * a private simulator), a fault stack of 3 machines with `options`, then `body`; the stack is stopped
 * whatever `body` does.
 */
export async function withBatchStack(
  prompts: readonly string[],
  options: FaultStackOptions & { readonly seed: number },
  body: (run: BatchRun) => Promise<ScenarioFigures>,
  hooks: StackHooks = {},
): Promise<ScenarioFigures> {
  const reference = await referenceTexts(prompts, options.seed, options.corpus);
  const stack = await startFaultStack({ machines: 3, ...options }, hooks);
  try {
    return await body({ stack, prompts, reference, started: performance.now() });
  } finally {
    await stack.stop();
  }
}

/** A batch's end state: the tally, the jobs left over, and what explains any mismatch (printed lines). */
interface SettledBatch {
  readonly tally: BatchTally;
  readonly leftover: Readonly<Record<string, number>>;
  readonly mismatchReport: readonly string[];
}

/** The batch's end state against the reference, and the lane's jobs once drained (or 20 s / the abort). */
export async function settleBatch(
  run: BatchRun,
  batch: SentBatch['submitted'],
  views: ReadonlyMap<string, RequestView | undefined>,
  signal: AbortSignal,
): Promise<SettledBatch> {
  const tally = tallyBatch(batch, views, run.reference);
  const prompts = new Map(batch.map(({ id, prompt }) => [id, prompt]));
  const mismatchReport = await reportMismatches(
    { redisUrl: run.stack.stack.redisUrl, keyPrefix: run.stack.keyPrefix },
    tally.mismatches,
    { views, reference: (id) => run.reference.get(prompts.get(id) ?? '') ?? '' },
  );
  return { tally, leftover: await waitUntilDrained(run.stack, signal), mismatchReport };
}

/** Every submission answered 202. */
export function acceptedCheck(sent: SentBatch): ScenarioCheck {
  const total = sent.submitted.length + sent.refused;
  return check('every submission accepted', sent.refused === 0, `${sent.submitted.length}/${total} answered 202`);
}

/** No job of the lane left waiting, active, delayed or waiting for children. */
export function drainedCheck(leftover: Readonly<Record<string, number>>): ScenarioCheck {
  const none = Object.values(leftover).every((count) => count === 0);
  return check('no job left unfinished', none, describeCounts(leftover));
}

/** What a batch scenario measured of its faults, beside the batch's own figures. */
interface FaultFigures {
  readonly requests: number;
  readonly faultsInjected: number;
  readonly recoverMs: number | undefined;
  /** 5xx seen apart from the batch's client (e.g. probes during an outage). */
  readonly other5xx?: number;
  /** Figures printed before the batch's wall time. */
  readonly extra: Readonly<Record<string, string | number>>;
  /** The scenario's own checks, printed between the submission check and the batch's. */
  readonly checks: readonly ScenarioCheck[];
}

/** A batch scenario's figures: lost and duplicated from the tally, its checks framed by the batch's. */
export function batchFigures(
  run: BatchRun,
  sent: SentBatch,
  settled: SettledBatch,
  faults: FaultFigures,
): ScenarioFigures {
  const { tally, leftover, mismatchReport } = settled;
  const batchSize = tally.terminal + tally.lost;
  return {
    requests: faults.requests,
    faultsInjected: faults.faultsInjected,
    lost: tally.lost,
    duplicated: tally.duplicatedThreads,
    http5xx: run.stack.api.serverErrors() + (faults.other5xx ?? 0),
    recoverMs: faults.recoverMs,
    extra: { ...faults.extra, 'batch wall': formatMs(performance.now() - run.started) },
    checks: [
      acceptedCheck(sent),
      ...faults.checks,
      ...batchChecks(tally, batchSize, mismatchReport),
      drainedCheck(leftover),
    ],
  };
}
