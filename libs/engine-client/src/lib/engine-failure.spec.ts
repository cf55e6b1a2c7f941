import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { ContextFullError } from './context-full.error.js';
import { classifyEngineError } from './engine-failure.js';
import { EngineOutputError } from './engine-output.error.js';
import { EngineTimeoutError } from './engine-timeout.error.js';
import { RequestAbortedError } from './request-aborted.error.js';
import { TokenizeUnavailableError } from './tokenize-unavailable.error.js';

const http = (status: number): APIError =>
  APIError.generate(status, { error: { message: `status ${status}` } }, `status ${status}`, new Headers());

describe('classifyEngineError', () => {
  it.each([
    ['HTTP 400', http(400), 'deterministic'],
    ['HTTP 401', http(401), 'deterministic'],
    ['HTTP 403', http(403), 'deterministic'],
    ['HTTP 404', http(404), 'deterministic'],
    ['HTTP 413', http(413), 'deterministic'],
    ['HTTP 422', http(422), 'deterministic'],
    ['context full', new ContextFullError(32768, 32768), 'deterministic'],
    ['token-exact without /tokenize', new TokenizeUnavailableError('no /tokenize'), 'deterministic'],
    ['invalid output', new EngineOutputError('unexpected finish_reason "abort"'), 'deterministic'],
    ['HTTP 429', http(429), 'transient'],
    ['HTTP 500', http(500), 'transient'],
    ['HTTP 503', http(503), 'transient'],
    ['connection reset', new APIConnectionError({ cause: new Error('ECONNRESET') }), 'transient'],
    ['SDK timeout', new APIConnectionTimeoutError(), 'transient'],
    ['engine timeout', new EngineTimeoutError(1000), 'transient'],
    ['stream cut', new TypeError('terminated'), 'transient'],
    ['not an error', 'boom', 'transient'],
    ['a deliberate abort', new RequestAbortedError('cancelled'), 'aborted'],
  ])('%s → %s', (_name, error, expected) => {
    expect(classifyEngineError(error).kind).toBe(expected);
  });

  it('names the status or the output problem in deterministic failures', () => {
    expect(classifyEngineError(http(400))).toEqual({
      kind: 'deterministic',
      message: 'Engine rejected the request (HTTP 400): 400 status 400',
    });
    expect(classifyEngineError(new EngineOutputError('no usage'))).toEqual({
      kind: 'deterministic',
      message: 'Invalid engine output: no usage',
    });
  });

  it('hands transient errors back unchanged, wrapping only non-errors', () => {
    const reset = new TypeError('terminated');
    expect(classifyEngineError(reset)).toEqual({ kind: 'transient', error: reset });
    expect(classifyEngineError('boom')).toEqual({ kind: 'transient', error: new Error('boom') });
  });
});
