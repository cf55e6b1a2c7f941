import { UnrecoverableError } from 'bullmq';
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { EngineOutputError } from './engine-output.error.js';
import { EngineTimeoutError } from './engine-timeout.error.js';
import { isUnrecoverable, mapEngineError } from './map-engine-error.js';
import { RequestAbortedError } from './request-aborted.error.js';

const http = (status: number): APIError =>
  APIError.generate(status, { error: { message: `status ${status}` } }, `status ${status}`, new Headers());

describe('mapEngineError', () => {
  it.each([
    ['HTTP 400', http(400), 'unrecoverable'],
    ['HTTP 404', http(404), 'unrecoverable'],
    ['HTTP 422', http(422), 'unrecoverable'],
    ['invalid output', new EngineOutputError('unexpected finish_reason "abort"'), 'unrecoverable'],
    ['HTTP 429', http(429), 'retry'],
    ['HTTP 500', http(500), 'retry'],
    ['HTTP 503', http(503), 'retry'],
    ['connection reset', new APIConnectionError({ cause: new Error('ECONNRESET') }), 'retry'],
    ['SDK timeout', new APIConnectionTimeoutError(), 'retry'],
    ['engine timeout', new EngineTimeoutError(1000), 'retry'],
    ['stream cut', new TypeError('terminated'), 'retry'],
    ['not an error', 'boom', 'retry'],
  ])('%s → %s', (_name, error, expected) => {
    const mapped = mapEngineError(error);
    expect(mapped instanceof UnrecoverableError ? 'unrecoverable' : 'retry').toBe(expected);
    expect(isUnrecoverable(mapped)).toBe(expected === 'unrecoverable');
  });

  it('names the status in deterministic failures', () => {
    expect(mapEngineError(http(400)).message).toMatch(/HTTP 400/);
    expect(mapEngineError(new EngineOutputError('no usage')).message).toBe('Invalid engine output: no usage');
  });

  it('keeps deliberate aborts as they are, never retried', () => {
    const aborted = new RequestAbortedError('cancelled');
    expect(mapEngineError(aborted)).toBe(aborted);
    expect(isUnrecoverable(aborted)).toBe(true);
  });
});
