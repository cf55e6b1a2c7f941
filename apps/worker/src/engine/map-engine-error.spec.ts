import { UnrecoverableError } from 'bullmq';
import { APIError } from 'openai';
import { EngineOutputError, EngineTimeoutError, RequestAbortedError } from '@threadloom/engine-client';
import { describe, expect, it } from 'vitest';
import { mapEngineError } from './map-engine-error.js';

const http = (status: number): APIError =>
  APIError.generate(status, { error: { message: `status ${status}` } }, `status ${status}`, new Headers());

describe('mapEngineError', () => {
  it('turns deterministic failures into UnrecoverableError with the classified message', () => {
    const mapped = mapEngineError(new EngineOutputError('no usage'));
    expect(mapped).toBeInstanceOf(UnrecoverableError);
    expect(mapped.message).toBe('Invalid engine output: no usage');
    expect(mapEngineError(http(404))).toBeInstanceOf(UnrecoverableError);
  });

  it('returns transient failures and deliberate aborts unchanged', () => {
    for (const error of [http(503), new EngineTimeoutError(1000), new RequestAbortedError('cancelled')])
      expect(mapEngineError(error)).toBe(error);
  });
});
