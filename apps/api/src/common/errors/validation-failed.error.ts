/** One failed rule on one field of a request. */
export interface FieldIssue {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** The request body, query or header broke a schema rule. */
export class ValidationFailedError extends Error {
  override readonly name = 'ValidationFailedError';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message} (${issue.rule})`).join('; '));
  }
}
