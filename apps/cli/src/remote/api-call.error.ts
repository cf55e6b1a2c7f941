/** One issue of a `validation_failed` answer. */
export interface ApiIssue {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** What the API said when it answered with an error status. */
export interface ApiErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly issues: readonly ApiIssue[];
  /** `Retry-After` in seconds, when the answer carried one. */
  readonly retryAfterSeconds?: number;
}

/** The API answered with an error status; the message says what to do about it. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  readonly answer: ApiErrorAnswer;

  constructor(method: string, path: string, answer: ApiErrorAnswer) {
    super(`${method} ${path}: ${advice(answer)}`);
    this.answer = answer;
  }

  get status(): number {
    return this.answer.status;
  }
}

function advice(answer: ApiErrorAnswer): string {
  const said = `${answer.status} ${answer.code}: ${answer.message}`;
  switch (answer.status) {
    case 401:
      return `the API rejected the key (${said}). Pass a valid key with --api-key or THREADLOOM_API_KEY.`;
    case 403:
      return `the key is not allowed to do this (${said}). Use a key with the needed scope.`;
    case 404:
      return `not found (${said}). Check the id; requests and batches are visible only to their tenant's keys.`;
    case 429:
    case 503:
      return `the API is busy (${said}); retry in ${answer.retryAfterSeconds ?? 1} s.`;
    default:
      return said;
  }
}
