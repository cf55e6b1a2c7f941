/** The reaper or the deadline sweep could not settle one request (it is tried again next round). */
export class RequestSettleError extends Error {
  override readonly name = 'RequestSettleError';
  readonly requestId: string;

  constructor(requestId: string, cause: unknown) {
    super(`request ${requestId}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.requestId = requestId;
  }
}
