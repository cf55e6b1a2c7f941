import { rolloutJobKey } from '@threadloom/contracts';
import type { RedisClient } from '@threadloom/queue';
import type { RolloutRecord, RolloutStore } from './rollout-record.js';

const RETENTION_SECONDS = 7 * 24 * 3600;

/** Rollout records as JSON strings under `<prefix>:rollout:<id>`, kept as long as request records. */
export class RedisRolloutStore implements RolloutStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async save(record: RolloutRecord): Promise<void> {
    await this.redis.set(rolloutJobKey(this.prefix, record.id), JSON.stringify(record), 'EX', RETENTION_SECONDS);
  }

  async load(id: string): Promise<RolloutRecord | undefined> {
    const raw = await this.redis.get(rolloutJobKey(this.prefix, id));
    return raw === null ? undefined : (JSON.parse(raw) as RolloutRecord);
  }
}
