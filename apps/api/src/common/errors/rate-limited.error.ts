/** The API key exceeded its request rate. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Rate limit exceeded for this API key; retry after ${retryAfterSeconds}s.`);
  }
}
