/** The runtime's Redis cannot be reached. */
export class RuntimeUnavailableError extends Error {
  override readonly name = 'RuntimeUnavailableError';
}

const CONNECTION_TROUBLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|Connection is closed|Stream isn't writeable|max retries per request|Redis not ready|Command timed out/i;

/** True for errors that mean Redis is unreachable right now (ioredis and BullMQ wording). */
export function isRuntimeUnavailable(error: unknown): boolean {
  if (error instanceof RuntimeUnavailableError) return true;
  return (
    error instanceof Error && (error.name === 'MaxRetriesPerRequestError' || CONNECTION_TROUBLE.test(error.message))
  );
}
