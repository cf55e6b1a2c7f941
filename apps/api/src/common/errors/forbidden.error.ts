/** The key is valid but lacks the scope an operation needs. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(readonly scope: string) {
    super(`This API key lacks the '${scope}' scope.`);
  }
}
