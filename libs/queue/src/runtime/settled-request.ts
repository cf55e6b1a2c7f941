import type { ReasoningResult, RequestStatus } from '@threadloom/contracts';
import type { StoredThread } from '../store/stored-thread.js';

/** A request this process just moved to a terminal state, as metrics observers see it. */
export interface SettledRequest {
  readonly requestId: string;
  readonly status: RequestStatus;
  readonly result: ReasoningResult;
  readonly threads: Readonly<Record<string, StoredThread>>;
  /** Submission time (ms since the epoch); undefined when the record had none. */
  readonly createdAt: number | undefined;
  readonly finishedAt: number;
}

/** Called once per request settled by this process (never throws into the finisher). */
export type SettleObserver = (settled: SettledRequest) => void;

/** Awaited after a request settled (by id); it handles its own errors: a lost call is recovered by a sweeper. */
export type AfterSettle = (requestId: string) => Promise<void>;
