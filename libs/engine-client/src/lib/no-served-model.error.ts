/** An engine's `/v1/models` listed no model, so there is nothing to request. */
export class NoServedModelError extends Error {
  override readonly name = 'NoServedModelError';

  constructor(baseUrl: string) {
    super(`engine ${baseUrl} lists no model at /v1/models`);
  }
}
