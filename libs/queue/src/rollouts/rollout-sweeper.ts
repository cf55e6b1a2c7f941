import type { RedisClient } from '../redis/redis-client.js';
import { PeriodicRound } from '../runtime/periodic-round.js';
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
  private readonly redis: RedisClient;
  private readonly prefix: string;
  private readonly groups: RolloutGroups;
  private readonly options: RolloutSweeperOptions;
  private readonly rounds: PeriodicRound;

  constructor(
    deps: { readonly redis: RedisClient; readonly prefix: string; readonly groups: RolloutGroups },
    options: RolloutSweeperOptions,
    onError: (message: string) => void,
  ) {
    this.redis = deps.redis;
    this.prefix = deps.prefix;
    this.groups = deps.groups;
    this.options = options;
    this.rounds = new PeriodicRound('rollout sweeper', options.intervalMs, () => this.sweep(), onError);
  }

  start(): void {
    this.rounds.start();
  }

  async stop(): Promise<void> {
    await this.rounds.stop();
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
