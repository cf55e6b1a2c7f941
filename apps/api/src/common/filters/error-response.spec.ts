import { NotFoundException } from '@nestjs/common';
import { IdempotencyConflictError } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { BacklogFullError } from '../errors/backlog-full.error.js';
import { ForbiddenError } from '../errors/forbidden.error.js';
import { MalformedBodyError } from '../errors/malformed-body.error.js';
import { PayloadTooLargeError } from '../errors/payload-too-large.error.js';
import { RateLimitedError } from '../errors/rate-limited.error.js';
import { ReasoningNotCompletedError } from '../errors/reasoning-not-completed.error.js';
import { ResourceNotFoundError } from '../errors/resource-not-found.error.js';
import { ShuttingDownError } from '../errors/shutting-down.error.js';
import { UnauthenticatedError } from '../errors/unauthenticated.error.js';
import { UnsupportedMediaTypeError } from '../errors/unsupported-media-type.error.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { ResultWaitTimeoutError } from '../errors/wait-timeout.error.js';
import { toErrorResponse } from './error-response.js';

describe('toErrorResponse', () => {
  it.each([
    [new ValidationFailedError([{ field: 'top_p', rule: 'maximum', message: 'too big' }]), 400, 'validation_failed'],
    [new MalformedBodyError('invalid JSON'), 400, 'malformed_body'],
    [new UnauthenticatedError(), 401, 'invalid_api_key'],
    [new ForbiddenError('submit'), 403, 'missing_scope'],
    [new ResourceNotFoundError('batch', 'b'), 404, 'not_found'],
    [new NotFoundException(), 404, 'not_found'],
    [new IdempotencyConflictError('k', 'r'), 409, 'idempotency_conflict'],
    [new ReasoningNotCompletedError('r', 'cancelled', undefined), 409, 'request_cancelled'],
    [new PayloadTooLargeError(10), 413, 'payload_too_large'],
    [new UnsupportedMediaTypeError('text/plain', ['application/json']), 415, 'unsupported_media_type'],
    [new BacklogFullError(3, 100), 429, 'backlog_full'],
    [new RateLimitedError(1), 429, 'rate_limited'],
    [new ReasoningNotCompletedError('r', 'failed', 'engine down'), 502, 'request_failed'],
    [new ShuttingDownError('r'), 503, 'shutting_down'],
    [new ResultWaitTimeoutError('r', 10), 504, 'result_timeout'],
    [new Error('connect ECONNREFUSED 127.0.0.1:6379'), 503, 'runtime_unavailable'],
    [new Error('boom'), 500, 'internal_error'],
  ])('maps %o to %i', (error, status, code) => {
    const answer = toErrorResponse(error);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('sets Retry-After on 429 and names the first invalid field as param', () => {
    expect(toErrorResponse(new BacklogFullError(3, 100)).headers).toEqual({ 'Retry-After': '3' });
    expect(
      toErrorResponse(new ValidationFailedError([{ field: 'seed', rule: 'type', message: 'x' }])).body.error.param,
    ).toBe('seed');
  });

  it('never leaks internal error messages', () => {
    expect(toErrorResponse(new Error('password=hunter2')).body.error.message).toBe('Internal server error.');
  });
});
