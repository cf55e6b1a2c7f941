/** The worker environment failed validation; the message lists every offending variable. */
export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`Invalid worker configuration:\n  ${issues.join('\n  ')}`);
    this.issues = issues;
  }
}
