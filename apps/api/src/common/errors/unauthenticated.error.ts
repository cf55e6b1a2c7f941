/** No API key, or one that matches no configured key. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  constructor(message = 'A valid API key is required: Authorization: Bearer <key>.') {
    super(message);
  }
}
