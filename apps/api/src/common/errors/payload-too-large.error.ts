/** The request body exceeds the configured size limit. */
export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`The request body exceeds ${limitBytes} bytes.`);
  }
}
