import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, recentCrashes, restartDelay } from './restart-policy.js';

describe('restart policy', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000, maxRestarts: 5, windowMs: 10_000 };

  it('doubles the delay per crash in the window, capped', () => {
    expect([1, 2, 3, 4, 5].map((count) => restartDelay(count, policy))).toEqual([100, 200, 400, 800, 1_000]);
  });

  it('gives up past the crash budget', () => {
    expect(restartDelay(6, policy)).toBeUndefined();
    expect(restartDelay(10, DEFAULT_RESTART_POLICY)).toBe(10_000);
    expect(restartDelay(11, DEFAULT_RESTART_POLICY)).toBeUndefined();
  });

  it('forgets crashes older than the window', () => {
    expect(recentCrashes([0, 5_000, 12_000], 14_000, policy)).toEqual([5_000, 12_000]);
  });
});
