/** REASON_ATTEMPTS, THREAD_ATTEMPTS, JOIN_ATTEMPTS or RETRY_BACKOFF_MS is not a positive integer. */
export class InvalidRetrySettingsError extends Error {
  override readonly name = 'InvalidRetrySettingsError';

  constructor(issues: readonly string[]) {
    super(`invalid retry settings: ${issues.join('; ')}`);
  }
}
