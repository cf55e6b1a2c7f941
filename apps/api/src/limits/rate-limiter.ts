import type { TakeResult } from './token-bucket.js';

/** Per-key token buckets: `take` one token from `key`'s bucket refilled at `perSecond` up to `burst`. */
export interface RateLimiter {
  take(key: string, perSecond: number, burst: number): Promise<TakeResult>;
}

/** DI token of the {@link RateLimiter}. */
export const RATE_LIMITER = Symbol('RATE_LIMITER');
