/** An engine endpoint answered with an error status or an unusable body. */
export class EngineRequestError extends Error {
  override readonly name = 'EngineRequestError';
  readonly status: number;

  constructor(url: string, status: number, detail: string) {
    super(`engine ${url} answered ${status}: ${detail.slice(0, 300)}`);
    this.status = status;
  }
}
