/** The API could not be reached at all (refused, DNS, TLS, reset before an answer). */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';
  /** The connection broke mid-conversation (a reused keep-alive socket closed, a reset): worth retrying. */
  readonly transient: boolean;

  constructor(baseUrl: string, cause: unknown) {
    const detail = describeCause(cause);
    super(
      `cannot reach the threadloom API at ${baseUrl} (${detail}). ` +
        'Is it running? Point --api-url (or THREADLOOM_API_URL) at it.',
      { cause },
    );
    this.transient = TRANSIENT_CODES.has(detail);
  }
}

const TRANSIENT_CODES = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE']);

function describeCause(cause: unknown): string {
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  if (inner instanceof Error) {
    const code = (inner as NodeJS.ErrnoException).code;
    return code ?? inner.message;
  }
  return String(inner);
}
