import type { CompletionResult } from '@threadloom/threading';

/** One thread's stored outcome; `result.text` is blanked once the join has copied it into the state. */
export interface StoredThread {
  readonly number: string;
  readonly status: 'completed' | 'failed';
  readonly result?: CompletionResult;
  readonly error?: string;
  readonly queueWaitMs: number;
  readonly timeToFirstTokenMs: number;
  readonly decodeMs: number;
  readonly machine: string;
  /** Runs of the thread job, the one that stored this included (failures and stalls each add one). */
  readonly attempts: number;
  /** Why the storing run happened: its first run, a retry after a failure, or a re-run after a stall. */
  readonly runCause?: 'first' | 'failed' | 'stalled';
  /** Earlier runs lost to a stalled worker (crash or hang). */
  readonly stalls?: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  /** `traceparent` of the thread job's span, so its join can link to it (absent when untraced). */
  readonly span?: string;
}
