import type { FactoryProvider } from '@nestjs/common';
import type { RedisClient } from '@threadloom/queue';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { API_REDIS } from '../queues/redis.tokens.js';
import { JOB_RETENTION_SECONDS, type JobRecord, type JobStore } from './job-record.js';

/** Job records as JSON strings under the key `keyOf(id)` names, kept {@link JOB_RETENTION_SECONDS}. */
class RedisJobStore<R extends JobRecord> implements JobStore<R> {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyOf: (id: string) => string,
  ) {}

  async save(record: R): Promise<void> {
    await this.redis.set(this.keyOf(record.id), JSON.stringify(record), 'EX', JOB_RETENTION_SECONDS);
  }

  async load(id: string): Promise<R | undefined> {
    const raw = await this.redis.get(this.keyOf(id));
    return raw === null ? undefined : (JSON.parse(raw) as R);
  }
}

/** Nest provider of a {@link RedisJobStore} on the API's Redis, its keys named by `keyOf(prefix, id)`. */
export function redisJobStoreProvider<R extends JobRecord>(
  token: symbol,
  keyOf: (prefix: string, id: string) => string,
): FactoryProvider<JobStore<R>> {
  return {
    provide: token,
    inject: [API_REDIS, API_CONFIG],
    useFactory: (redis: RedisClient, config: ApiConfig) =>
      new RedisJobStore<R>(redis, (id) => keyOf(config.keyPrefix, id)),
  };
}
