/** A synchronous facade call waited longer than the configured bound for its result. */
export class ResultWaitTimeoutError extends Error {
  override readonly name = 'ResultWaitTimeoutError';
  constructor(
    readonly requestId: string,
    readonly timeoutMs: number,
  ) {
    super(
      `Request ${requestId} did not finish within ${timeoutMs} ms; it keeps running and can be read at /v1/reasoning/${requestId}.`,
    );
  }
}
