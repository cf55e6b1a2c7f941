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

  it('keeps at most maxKeys buckets, forgetting the least recently seen caller', () => {
    const buckets = new TokenBuckets(1, () => 0, 2);
    expect(['a', 'b'].map((key) => buckets.take(key, 1).ok)).toEqual([true, true]);
    expect(buckets.take('a', 1).ok).toBe(false);
    expect(buckets.take('c', 1).ok).toBe(true);
    // 'b' was the least recently seen: its drained bucket is gone, 'a' (seen after it) is still drained.
    expect(buckets.take('a', 1).ok).toBe(false);
    expect(buckets.take('b', 1).ok).toBe(true);
  });
});
