/** A job's work was aborted on purpose (cancellation, deadline or shutdown); never retried as a failure. */
export class RequestAbortedError extends Error {
  override readonly name = 'RequestAbortedError';
  readonly reason: string;

  constructor(reason: string) {
    super(`Aborted: ${reason}`);
    this.reason = reason;
  }
}
