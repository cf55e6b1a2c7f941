/** The body's `Content-Encoding` is not one the API can decode. */
export class UnsupportedContentEncodingError extends Error {
  override readonly name = 'UnsupportedContentEncodingError';
  constructor(
    readonly encoding: string,
    readonly accepted: readonly string[],
  ) {
    super(`Content-Encoding '${encoding}' is not supported; send the body as ${accepted.join(', ')}.`);
  }
}
