import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrors } from './api-errors.decorator.js';

/** Documents a create route's optional Idempotency-Key: the same key and `body` → the same `resource`, else 409. */
export function ApiIdempotencyKey(resource: string, body: string) {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: `Same key and ${body} → the same ${resource}; different ${body} → 409.`,
    }),
    ApiErrors(409),
  );
}
