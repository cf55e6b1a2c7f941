import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        message: { type: 'string' },
        type: { type: 'string' },
        code: { type: 'string' },
        param: { type: 'string', nullable: true },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Validation failed (issues name each field and rule) or malformed JSON.',
  401: 'Missing or unknown API key.',
  403: 'The key lacks the required scope.',
  404: 'No such resource for this tenant.',
  409: 'Idempotency-Key reused with a different body.',
  413: 'Body over the size limit.',
  415: 'Body is neither JSON nor JSONL.',
  429: 'Backlog full or rate limited; see Retry-After.',
};

/** Documents the error envelope for the given statuses. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error.', schema: ERROR_SCHEMA }),
    ),
  );
}
