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
  readonly attempts: number;
  readonly startedAt: number;
  readonly finishedAt: number;
  /** `traceparent` of the thread job's span, so its join can link to it (absent when untraced). */
  readonly span?: string;
}
