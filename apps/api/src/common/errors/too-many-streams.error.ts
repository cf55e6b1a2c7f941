/** Opening another event stream would pass the per-key or per-process limit. */
export class TooManyStreamsError extends Error {
  override readonly name = 'TooManyStreamsError';
  constructor(
    readonly scope: 'key' | 'process',
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      scope === 'key'
        ? `This API key already has ${limit} open event streams (the limit); close one or retry after ${retryAfterSeconds}s.`
        : `This API process is serving its limit of ${limit} event streams; retry after ${retryAfterSeconds}s.`,
    );
  }
}
