import type { Job } from 'bullmq';

/** Why a job runs: its first run, a retry after a failure, or a re-run after its worker stalled (crashed, hung). */
export type RunCause = 'first' | 'failed' | 'stalled';

/** Which run of its job this is, and why it happens. */
export interface JobRun {
  /** 1 for the first run; every failure and every stall since adds one (hand-backs add none). */
  readonly attempt: number;
  readonly cause: RunCause;
  /** Earlier runs that failed (BullMQ attemptsMade). */
  readonly failures: number;
  /** Earlier runs lost to a stalled lock (BullMQ stalledCounter). */
  readonly stalls: number;
}

/** The counters a re-run records on its job (as progress), so the next run can tell which one moved last. */
interface SeenCounters {
  readonly failures: number;
  readonly stalls: number;
}

/** Pure: the run from BullMQ's counters and those the previous re-run recorded (none before the second run). */
export function describeRun(failures: number, stalls: number, seen: SeenCounters | undefined): JobRun {
  const attempt = failures + stalls + 1;
  if (attempt === 1) return { attempt, cause: 'first', failures, stalls };
  const before = seen ?? { failures: 0, stalls: 0 };
  return { attempt, cause: stalls > before.stalls ? 'stalled' : 'failed', failures, stalls };
}

/**
 * The run of `job` starting now. BullMQ counts failures (attemptsMade) and stalls (stalledCounter) apart,
 * but not which came last; a re-run records both counters (one write, re-runs only) for the next one.
 */
export async function startRun(job: Job): Promise<JobRun> {
  const run = describeRun(job.attemptsMade, job.stalledCounter, seenCounters(job.progress));
  if (run.attempt > 1) await job.updateProgress({ run: { failures: run.failures, stalls: run.stalls } });
  return run;
}

function seenCounters(progress: unknown): SeenCounters | undefined {
  if (typeof progress !== 'object' || progress === null || !('run' in progress)) return undefined;
  const run = progress.run;
  if (typeof run !== 'object' || run === null) return undefined;
  const { failures, stalls } = run as Record<string, unknown>;
  return typeof failures === 'number' && typeof stalls === 'number' ? { failures, stalls } : undefined;
}

/** Where a job's span starts: its message, request, machine, run and how long it waited before this run. */
interface JobSpanStart {
  readonly job: Pick<Job, 'id'>;
  readonly requestId: string;
  readonly machine: string;
  readonly run: JobRun;
  readonly queueWaitMs: number;
}

/** Span attributes every job kind records (each kind adds its own place: step, block, thread). */
export function jobAttributes(start: JobSpanStart): Record<string, number | string> {
  const { job, requestId, machine, run, queueWaitMs } = start;
  return {
    'messaging.message.id': job.id ?? '',
    'threadloom.request_id': requestId,
    'threadloom.machine': machine,
    'threadloom.attempt': run.attempt,
    'threadloom.run_cause': run.cause,
    'threadloom.failures_before': run.failures,
    'threadloom.stalls_before': run.stalls,
    'threadloom.queue_wait_ms': queueWaitMs,
  };
}

/** Event fields of a run (`thread_started`, `step_started`, `join`). */
export function runEventData(run: JobRun): { attempt: number; cause: RunCause; failures: number; stalls: number } {
  return { attempt: run.attempt, cause: run.cause, failures: run.failures, stalls: run.stalls };
}
