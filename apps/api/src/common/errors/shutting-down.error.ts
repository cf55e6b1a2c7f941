/** The process is shutting down while the caller waited; the request itself keeps running. */
export class ShuttingDownError extends Error {
  override readonly name = 'ShuttingDownError';
  constructor(readonly requestId: string) {
    super(`The API is restarting; request ${requestId} keeps running and can be read at /v1/reasoning/${requestId}.`);
  }
}
