/** The body's content type is not one the endpoint accepts. */
export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
  constructor(
    readonly contentType: string,
    readonly accepted: readonly string[],
  ) {
    super(`Content-Type '${contentType}' is not supported; use ${accepted.join(' or ')}.`);
  }
}
