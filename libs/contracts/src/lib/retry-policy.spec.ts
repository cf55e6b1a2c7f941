import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, parseRetryPolicy } from './retry-policy.js';

describe('parseRetryPolicy', () => {
  it('defaults every kind to 5 attempts and a 1 s backoff', () => {
    expect(parseRetryPolicy({})).toEqual({ ok: true, value: DEFAULT_RETRY_POLICY });
    expect(DEFAULT_RETRY_POLICY).toEqual({ attempts: { reason: 5, thread: 5, join: 5 }, backoffMs: 1_000 });
  });

  it('reads one setting per job kind', () => {
    const env = { REASON_ATTEMPTS: '2', THREAD_ATTEMPTS: '3', JOIN_ATTEMPTS: '4', RETRY_BACKOFF_MS: '40' };
    expect(parseRetryPolicy(env)).toEqual({
      ok: true,
      value: { attempts: { reason: 2, thread: 3, join: 4 }, backoffMs: 40 },
    });
  });

  it('names the variable that is not a positive integer', () => {
    expect(parseRetryPolicy({ JOIN_ATTEMPTS: '0' })).toEqual({
      ok: false,
      issues: ['JOIN_ATTEMPTS: Too small: expected number to be >0'],
    });
  });
});
