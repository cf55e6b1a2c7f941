/** A submission failed schema validation; `issues` name the offending fields. */
export class InvalidSubmissionError extends Error {
  override readonly name = 'InvalidSubmissionError';
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`Invalid reasoning submission: ${issues.join('; ')}`);
    this.issues = issues;
  }
}
