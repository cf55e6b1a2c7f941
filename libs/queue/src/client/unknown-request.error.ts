/** No request with this id exists (never submitted, or expired after its retention). */
export class UnknownRequestError extends Error {
  override readonly name = 'UnknownRequestError';
  readonly requestId: string;

  constructor(requestId: string) {
    super(`Unknown request ${requestId}`);
    this.requestId = requestId;
  }
}
