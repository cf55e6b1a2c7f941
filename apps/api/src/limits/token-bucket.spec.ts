import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket.js';

describe('TokenBuckets', () => {
  it('allows a burst, then refuses until tokens refill', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, () => now);
    expect([1, 2, 3].map(() => buckets.take('k', 1).ok)).toEqual([true, true, true]);
    const refused = buckets.take('k', 1);
    expect(refused).toEqual({ ok: false, retryAfterMs: 1000 });
    now = 1000;
    expect(buckets.take('k', 1).ok).toBe(true);
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets(1, () => 0);
    expect(buckets.take('a', 1).ok).toBe(true);
    expect(buckets.take('b', 1).ok).toBe(true);
    expect(buckets.take('a', 1).ok).toBe(false);
  });
});
