import { ValidationFailedError } from '../errors/validation-failed.error.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Validates an optional `Idempotency-Key` header: 1–255 printable ASCII characters without spaces. */
export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined || IDEMPOTENCY_KEY.test(key)) return key;
  throw new ValidationFailedError([
    { field: 'Idempotency-Key', rule: 'format', message: 'must be 1-255 printable ASCII characters without spaces' },
  ]);
}
