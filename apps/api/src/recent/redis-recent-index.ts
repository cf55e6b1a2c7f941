import type { RedisClient } from '@threadloom/queue';
import { RECENT_CAPACITY, type RecentIndex, type RecentKind } from './recent-index.js';

/** As long as batch records are kept; entries whose request expired earlier are skipped when listed. */
const RETENTION_SECONDS = 7 * 24 * 3600;

/** One sorted set per tenant and kind (`<prefix>:recent:<kind>:<tenant>`, scored by time), capped and expiring. */
export class RedisRecentIndex implements RecentIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async record(kind: RecentKind, tenant: string, id: string, at: number): Promise<void> {
    const key = this.key(kind, tenant);
    await this.redis
      .multi()
      .zadd(key, at, id)
      .zremrangebyrank(key, 0, -RECENT_CAPACITY - 1)
      .expire(key, RETENTION_SECONDS)
      .exec();
  }

  list(kind: RecentKind, tenant: string, limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.key(kind, tenant), 0, limit - 1);
  }

  private key(kind: RecentKind, tenant: string): string {
    return `${this.prefix}:recent:${kind}:${tenant}`;
  }
}
