import { prefixHoldersKey } from '@threadloom/contracts';
import type { RedisClient } from '@threadloom/queue';
import type { WorkerConfig } from '../config/worker-config.js';
import type { PrefixHolder } from './prefix-decision.js';

/** How long a request's prefix record outlives its last write (a request's steps are minutes apart at most). */
const RECORD_TTL_MS = 3_600_000;

/**
 * What workers record of the prefixes their engines served: per request, each machine that ran one of
 * its steps or threads and how many context tokens that call computed (prompt, plus the output for a
 * sequential step, which continues the context). vLLM caches what it computed, so those machines hold
 * the prefix — unless evicted since, which nobody outside the engine sees.
 */
export class PrefixRecorder {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyPrefix: string,
    private readonly machineId: string,
  ) {}

  /** A recorder when this worker places by prefix (engine, sequence limit and `PLACEMENT_POLICY=prefix`), else undefined. */
  static forWorker(config: WorkerConfig, redis: RedisClient): PrefixRecorder | undefined {
    const placing = config.engineUrl !== null && config.engineMaxSeqs !== null && config.placementPolicy === 'prefix';
    return placing ? new PrefixRecorder(redis, config.keyPrefix, config.machineId) : undefined;
  }

  /**
   * Records that `machine`'s engine (this one unless the call was routed elsewhere) computed `tokens`
   * tokens of request `requestId`'s context. Advisory: a failed write only costs a later job its
   * affinity, so it never fails the job.
   */
  async served(requestId: string, tokens: number, machine = this.machineId): Promise<void> {
    if (!(tokens > 0)) return;
    const key = prefixHoldersKey(this.keyPrefix, requestId);
    const value = `${tokens} ${Date.now()}`;
    await this.redis
      .multi()
      .hset(key, machine, value)
      .pexpire(key, RECORD_TTL_MS)
      .exec()
      .catch(() => undefined);
  }

  /** The machines recorded for a request (none before its first step finished). */
  async holders(requestId: string): Promise<PrefixHolder[]> {
    const hash = await this.redis.hgetall(prefixHoldersKey(this.keyPrefix, requestId));
    return Object.entries(hash).flatMap(([machine, value]) => {
      const [tokens, at] = value.split(' ').map(Number);
      return tokens !== undefined && Number.isFinite(tokens) && tokens > 0
        ? [{ machine, tokens, at: at !== undefined && Number.isFinite(at) ? at : 0 }]
        : [];
    });
  }
}
