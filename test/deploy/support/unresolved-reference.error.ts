/** An env entry points at a ConfigMap or Secret key that the overlay does not provide. */
export class UnresolvedReferenceError extends Error {
  override readonly name = 'UnresolvedReferenceError';
}
