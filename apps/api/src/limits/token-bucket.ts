import { LRUCache } from 'lru-cache';

/** Outcome of taking from a bucket: allowed, or how long until a token is available. */
export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Callers whose buckets one process keeps. Past it the least recently seen caller's bucket is
 * forgotten (it starts full again), so a flood of distinct keys cannot grow memory without bound.
 */
const DEFAULT_MAX_KEYS = 10_000;

/** Token buckets keyed by caller; refill continuously at `perSecond` up to `burst`. Time is injected. */
export class TokenBuckets {
  private readonly buckets: LRUCache<string, { tokens: number; at: number }>;

  constructor(
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
    maxKeys = DEFAULT_MAX_KEYS,
  ) {
    this.buckets = new LRUCache({ max: maxKeys });
  }

  /** Takes `cost` tokens from `key`'s bucket refilled at `perSecond`. */
  take(key: string, perSecond: number, cost = 1): TakeResult {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: ((cost - bucket.tokens) / perSecond) * 1000 };
  }
}
