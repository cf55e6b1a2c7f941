/** The resource does not exist, or belongs to another tenant (indistinguishable on purpose). */
export class ResourceNotFoundError extends Error {
  override readonly name = 'ResourceNotFoundError';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`No ${resource} with id '${id}'.`);
  }
}
