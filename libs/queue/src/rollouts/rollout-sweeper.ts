import type { RedisClient } from '../redis/redis-client.js';
import type { RolloutGroups } from './rollout-groups.js';

/** Groups inspected per round. */
const BATCH = 100;

/** Timing of the sweeper. */
export interface RolloutSweeperOptions {
  /** A group younger than this is left to its members' settle hooks. */
  readonly graceMs: number;
  readonly intervalMs: number;
}

/**
 * Periodically finishes rollout groups whose completing mark was lost (a worker killed between settling
 * a request and marking its group). One process per round acts, elected through a Redis lock.
 */
export class RolloutSweeper {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<number> | undefined;
  private readonly redis: RedisClient;
  private readonly prefix: string;
  private readonly groups: RolloutGroups;
  private readonly options: RolloutSweeperOptions;
  private readonly onError: (message: string) => void;

  constructor(
    deps: { readonly redis: RedisClient; readonly prefix: string; readonly groups: RolloutGroups },
    options: RolloutSweeperOptions,
    onError: (message: string) => void,
  ) {
    this.redis = deps.redis;
    this.prefix = deps.prefix;
    this.groups = deps.groups;
    this.options = options;
    this.onError = onError;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.round !== undefined) return;
      this.round = this.sweep()
        .catch((error: unknown) => {
          this.onError(`rollout sweeper: ${error instanceof Error ? error.message : String(error)}`);
          return 0;
        })
        .finally(() => (this.round = undefined));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round: how many groups it committed (0 when another process holds this round). */
  async sweep(now = Date.now()): Promise<number> {
    const lock = await this.redis.set(
      `${this.prefix}:rgroups:sweep-lock`,
      String(now),
      'PX',
      this.options.intervalMs,
      'NX',
    );
    if (lock !== 'OK') return 0;
    return this.groups.sweep(now - this.options.graceMs, BATCH);
  }
}
