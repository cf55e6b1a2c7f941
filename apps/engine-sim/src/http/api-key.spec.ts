import { describe, expect, it } from 'vitest';
import { ApiKeyCheck } from './api-key.js';

describe('ApiKeyCheck', () => {
  const check = new ApiKeyCheck(['k1']);
  it('guards /v1 routes only, with a bearer key', () => {
    expect(check.allows('POST', '/v1/completions', { authorization: 'Bearer k1' })).toBe(true);
    expect(check.allows('POST', '/v1/completions', { authorization: 'bearer k1' })).toBe(true);
    expect(check.allows('POST', '/v1/completions', { authorization: 'Bearer k2' })).toBe(false);
    expect(check.allows('POST', '/v1/completions', { authorization: 'Basic k1' })).toBe(false);
    expect(check.allows('GET', '/v1/models', {})).toBe(false);
    expect(check.allows('OPTIONS', '/v1/models', {})).toBe(true);
    expect(check.allows('GET', '/health', {})).toBe(true);
    expect(new ApiKeyCheck([]).allows('GET', '/v1/models', {})).toBe(true);
  });
});
