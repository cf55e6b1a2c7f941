import {
  expandPromptIds,
  storePromptIds,
  type CallUnit,
  type CompletionResult,
  type StoredPromptIds,
} from '@threadloom/threading';

/** One thread's stored outcome; `result.text` and its ids are blanked once the join has copied them into the state. */
export interface StoredThread {
  readonly number: string;
  readonly status: 'completed' | 'failed';
  /** The engine result; its prompt ids are kept in `promptIds` instead (the context is stored once, in the state). */
  readonly result?: CompletionResult;
  /** The prompt ids the engine returned, stored against the state's units at the fork. */
  readonly promptIds?: StoredPromptIds;
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

/**
 * A thread result as stored: its prompt ids (the whole context again, for every thread) replaced by a
 * reference into `units`, the state's units at the fork, so in-flight threads do not copy the context.
 */
export function storedThreadResult(
  result: CompletionResult,
  units: readonly CallUnit[],
): Pick<StoredThread, 'result' | 'promptIds'> {
  const { promptTokenIds, ...rest } = result;
  return promptTokenIds === undefined ? { result } : { result: rest, promptIds: storePromptIds(units, promptTokenIds) };
}

/** The engine result of a stored thread with its prompt ids restored against the same `units`. */
export function threadResultOf(thread: StoredThread, units: readonly CallUnit[]): CompletionResult | undefined {
  const { result, promptIds } = thread;
  if (result === undefined || promptIds === undefined) return result;
  const promptTokenIds = expandPromptIds(units, promptIds);
  return promptTokenIds === undefined ? result : { ...result, promptTokenIds };
}
