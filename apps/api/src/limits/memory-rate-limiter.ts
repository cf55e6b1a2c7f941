import type { RateLimiter } from './rate-limiter.js';
import { TokenBuckets, type TakeResult } from './token-bucket.js';

/** Buckets in this process only: with N API replicas a key gets up to N× its rate. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly byBurst = new Map<number, TokenBuckets>();

  take(key: string, perSecond: number, burst: number): Promise<TakeResult> {
    let buckets = this.byBurst.get(burst);
    if (!buckets) this.byBurst.set(burst, (buckets = new TokenBuckets(burst)));
    return Promise.resolve(buckets.take(key, perSecond));
  }
}
