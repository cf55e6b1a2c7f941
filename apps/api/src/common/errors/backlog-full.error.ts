/** The queue backlog is above its configured bound; the client should retry later. */
export class BacklogFullError extends Error {
  override readonly name = 'BacklogFullError';
  constructor(
    readonly retryAfterSeconds: number,
    readonly backlog: number,
  ) {
    super(`The system is at capacity (backlog ${backlog}); retry after ${retryAfterSeconds}s.`);
  }
}
