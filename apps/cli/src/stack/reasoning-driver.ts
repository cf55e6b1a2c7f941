import type { ReasoningResult, RequestStatus } from '@threadloom/contracts';

/** What the CLI submits: a rendered prompt and the decoding mode. */
export interface DriverSubmission {
  readonly prompt: string;
  readonly mode?: 'parallel' | 'sequential';
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The parts of a request the CLI reads. */
export interface DriverView {
  readonly id: string;
  readonly status: RequestStatus;
  readonly result?: ReasoningResult;
  readonly error?: string;
}

/** One progress event of a request: its type, time (ms since the epoch, worker clock) and payload. */
export interface DriverEvent {
  /** The event's stream id (absent from the queue driver, which never resumes). */
  readonly id?: string;
  readonly type: string;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** How the CLI drives the distributed runtime: through the API over HTTP, or the queue client over Redis. */
export interface ReasoningDriver {
  submit(submission: DriverSubmission): Promise<DriverView>;
  get(id: string): Promise<DriverView>;
  /** Every event until the request is terminal, each also passed to `onEvent` as it arrives. */
  events(id: string, onEvent?: (event: DriverEvent) => void): Promise<DriverEvent[]>;
  /** The request once terminal (or as it stands when `timeoutMs` runs out). */
  waitForResult(id: string, timeoutMs: number): Promise<DriverView>;
  close(): Promise<void>;
}
