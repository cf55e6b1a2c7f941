/** Redis is configured in a way that can lose work in flight; the worker refuses to start. */
export class RedisPolicyError extends Error {
  override readonly name = 'RedisPolicyError';
}
