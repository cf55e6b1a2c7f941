/** An engine call took longer than its timeout (transient: retried with backoff). */
export class EngineTimeoutError extends Error {
  override readonly name = 'EngineTimeoutError';

  constructor(timeoutMs: number) {
    super(`Engine call timed out after ${timeoutMs} ms`);
  }
}
