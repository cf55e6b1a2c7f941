import type { RedisClient } from '@threadloom/queue';
import type { BatchRecord, BatchStore } from './batch-record.js';

const RETENTION_SECONDS = 7 * 24 * 3600;

/** Batch records as JSON strings under `<prefix>:batch:<id>`, kept as long as request records. */
export class RedisBatchStore implements BatchStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async save(record: BatchRecord): Promise<void> {
    await this.redis.set(this.key(record.id), JSON.stringify(record), 'EX', RETENTION_SECONDS);
  }

  async load(id: string): Promise<BatchRecord | undefined> {
    const raw = await this.redis.get(this.key(id));
    return raw === null ? undefined : (JSON.parse(raw) as BatchRecord);
  }

  private key(id: string): string {
    return `${this.prefix}:batch:${id}`;
  }
}
