import type { RequestStatus } from './request-status.js';
import type { ReasoningSubmission } from './reasoning-request.js';
import type { ResultMetrics } from './result-metrics.js';

/**
 * One thread of a stored result, kept for timelines and metrics; durations in milliseconds. (The
 * orchestrator's own join record is `ThreadRecord` in @threadloom/threading.)
 */
export interface ResultThread {
  readonly number: string;
  readonly status: 'completed' | 'failed' | 'dropped';
  /** Engine-reported prompt tokens of the thread's call (0 when it never completed). */
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly cachedTokens: number;
  /** Runs the thread job took (0 when it never ran); each failure and each stall (crashed worker) adds one. */
  readonly attempts: number;
  /** Why its last run happened: `first`, `failed` (a retry) or `stalled` (its worker died or hung). */
  readonly runCause?: 'first' | 'failed' | 'stalled';
  /** Runs lost to a stalled worker. */
  readonly stalls?: number;
  readonly queueWaitMs: number;
  readonly timeToFirstTokenMs: number;
  readonly decodeMs: number;
  readonly machine: string;
  readonly finishReason?: string;
  readonly error?: string;
}

/** One fork/join block of a stored result (the orchestrator's own is `BlockRecord` in @threadloom/threading). */
export interface ResultBlock {
  readonly index: number;
  readonly outlines: readonly string[];
  readonly threads: readonly ResultThread[];
}

export interface ReasoningResult {
  /** Assistant response without the end-of-sequence token. */
  readonly text: string;
  readonly answer: string | null;
  readonly metrics: ResultMetrics;
  readonly blocks: readonly ResultBlock[];
  readonly termination: string;
  readonly engineRequests: number;
}

export interface RequestView {
  readonly id: string;
  readonly tenant: string;
  readonly status: RequestStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly result?: ReasoningResult;
  readonly error?: string;
  /** Stable code of a failed, expired or cancelled request (`engine_unavailable`, `thread_failed`, `deadline_exceeded`, …). */
  readonly errorCode?: string;
  readonly batchId?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** One progress event of a request, in order; `id` is resumable (e.g. a Redis stream id). */
export interface ReasoningEvent {
  readonly id: string;
  readonly type: string;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** How producers (API, CLI, tests) talk to the distributed runtime. */
export interface ReasoningClient {
  submit(submission: ReasoningSubmission, options?: { idempotencyKey?: string }): Promise<RequestView>;
  get(id: string): Promise<RequestView | undefined>;
  cancel(id: string): Promise<RequestView | undefined>;
  /** Events after `afterId` (exclusive); ends when the request reaches a terminal state or the signal aborts. */
  events(id: string, options?: { afterId?: string; signal?: AbortSignal }): AsyncIterable<ReasoningEvent>;
  waitForResult(id: string, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<RequestView>;
  close(): Promise<void>;
}
