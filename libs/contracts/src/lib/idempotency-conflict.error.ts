/** The same idempotency key was reused with a different submission body. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  readonly idempotencyKey: string;
  readonly existingRequestId: string;

  constructor(idempotencyKey: string, existingRequestId: string) {
    super(
      `Idempotency key '${idempotencyKey}' was already used for request ${existingRequestId} with a different body.`,
    );
    this.idempotencyKey = idempotencyKey;
    this.existingRequestId = existingRequestId;
  }
}
