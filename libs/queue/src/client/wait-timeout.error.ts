/** waitForResult gave up before the request reached a terminal state. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';

  constructor(requestId: string, timeoutMs: number) {
    super(`Request ${requestId} did not finish within ${timeoutMs} ms`);
  }
}
