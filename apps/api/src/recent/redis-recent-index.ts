import type { RedisClient } from '@threadloom/queue';
import { JOB_RETENTION_SECONDS } from '../jobs/job-record.js';
import { RECENT_CAPACITY, type RecentIndex, type RecentKind } from './recent-index.js';

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
      // As long as job records; entries whose request expired earlier are skipped when listed.
      .expire(key, JOB_RETENTION_SECONDS)
      .exec();
  }

  list(kind: RecentKind, tenant: string, limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.key(kind, tenant), 0, limit - 1);
  }

  private key(kind: RecentKind, tenant: string): string {
    return `${this.prefix}:recent:${kind}:${tenant}`;
  }
}
