/** `submit` cannot start with what it was given (unreadable file, a state file of another run, …). */
export class SubmitUsageError extends Error {
  override readonly name = 'SubmitUsageError';
}
