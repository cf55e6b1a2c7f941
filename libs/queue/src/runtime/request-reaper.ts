import { deadlineSweepLockKey, isTerminalStatus, jobIds, reaperLockKey } from '@threadloom/contracts';
import type { Queue } from 'bullmq';
import type { RedisClient } from '../redis/redis-client.js';
import type { Checkpoint } from '../store/checkpoint.js';
import type { RequestStore } from '../store/request-store.js';
import { PeriodicRound } from './periodic-round.js';
import { RequestSettleError } from './request-settle.error.js';
import type { RequestFinisher } from './request-finisher.js';

/** Requests inspected per round; the rest wait for the next one. */
const BATCH = 200;

/** Job states after which a job will never run again. */
const GONE: ReadonlySet<string> = new Set(['unknown', 'failed', 'completed']);

/** The queues (of the reaped lane) whose jobs carry a request's work. */
export interface ReaperQueues {
  readonly reason: Queue;
  readonly thread: Queue;
  readonly join: Queue;
}

/** What the reaper reads and settles through. */
export interface ReaperDeps {
  readonly redis: RedisClient;
  /** The runtime's key prefix (lane 0's); the reaped lane's keys derive from it. */
  readonly prefix: string;
  /** The lane this reaper watches. */
  readonly lane: number;
  readonly store: RequestStore;
  readonly finisher: RequestFinisher;
  readonly queues: ReaperQueues;
}

/** Timing of the reaper. */
export interface ReaperOptions {
  /** A request untouched for this long, with no job left to move it, is settled as failed. */
  readonly graceMs: number;
  /** How often one process (elected per round through a Redis lock) inspects the live requests. */
  readonly intervalMs: number;
  /**
   * How often one process settles the requests whose deadline has passed. A request otherwise expires
   * only when one of its jobs runs, so one whose next job still waits in a queue would end late.
   */
  readonly deadlineSweepMs: number;
}

/**
 * Settles requests whose work is gone: every live request either has a job that will move it, or
 * becomes `failed` naming what was lost. This keeps the promise that a request always reaches a
 * terminal state, whatever killed its jobs (final failures outside the processors' error handling,
 * removed or evicted jobs, a crash between a checkpoint and its effects).
 */
export class RequestReaper {
  private readonly deps: ReaperDeps;
  private readonly options: ReaperOptions;
  private readonly rounds: PeriodicRound;
  private readonly sweeps: PeriodicRound;

  constructor(deps: ReaperDeps, options: ReaperOptions, onError: (message: string) => void) {
    this.deps = deps;
    this.options = options;
    this.rounds = new PeriodicRound('reaper', options.intervalMs, () => this.reap(), onError);
    this.sweeps = new PeriodicRound('deadline sweep', options.deadlineSweepMs, () => this.expireOverdue(), onError);
  }

  start(): void {
    this.rounds.start();
    this.sweeps.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.rounds.stop(), this.sweeps.stop()]);
  }

  /** One sweep: every live request of the lane whose deadline has passed becomes `expired`; returns how many. */
  async expireOverdue(now = Date.now()): Promise<number> {
    const { redis, prefix, lane, store, finisher } = this.deps;
    const lockMs = this.options.deadlineSweepMs;
    if ((await redis.set(deadlineSweepLockKey(prefix, lane), String(now), 'PX', lockMs, 'NX')) !== 'OK') return 0;
    const ids = await store.overdueRequests(lane, now, BATCH);
    return countSettled(ids, async (id) => {
      const live = await store.liveness(id);
      const overdue = live !== undefined && !isTerminalStatus(live.status);
      if (overdue) {
        const checkpoint = await store.loadCheckpoint(id).catch(() => undefined);
        if (checkpoint === undefined) await finisher.lost(id, 'deadline exceeded', 'deadline_exceeded');
        else await finisher.expired(id, checkpoint.state);
      }
      await store.forgetDeadline(id);
      return overdue;
    });
  }

  /** One round: returns how many requests it settled (0 when another process holds this round). */
  async reap(now = Date.now()): Promise<number> {
    const { redis, prefix, lane, store } = this.deps;
    const lock = await redis.set(reaperLockKey(prefix, lane), String(now), 'PX', this.options.intervalMs, 'NX');
    if (lock !== 'OK') return 0;
    const ids = await store.liveRequests(lane, now - this.options.graceMs, BATCH);
    return countSettled(ids, (id) => this.inspect(id, now));
  }

  private async inspect(id: string, now: number): Promise<boolean> {
    const { store, finisher } = this.deps;
    const before = await store.liveness(id);
    if (before === undefined || isTerminalStatus(before.status)) {
      await store.forgetLive(id);
      return false;
    }
    if (now - before.updatedAt < this.options.graceMs) return false;
    const checkpoint = await store.loadCheckpoint(id).catch(() => undefined);
    if (checkpoint?.action.type === 'done') {
      await finisher.finished(id, checkpoint.state); // the crash fell between the last checkpoint and settling
      return true;
    }
    const lost = checkpoint === undefined ? 'state (checkpoint unreadable)' : await this.lostWork(id, checkpoint);
    if (lost === undefined) return false;
    // A job that finished between the two reads moved the version on: not lost.
    const after = await store.liveness(id);
    if (after?.version !== before.version || after.updatedAt !== before.updatedAt) return false;
    return finisher.lost(id, `request stopped: its ${lost} no longer exists`);
  }

  /** What the current action waits on that will never run, if anything. */
  private async lostWork(id: string, checkpoint: Checkpoint): Promise<string | undefined> {
    const { queues, store } = this.deps;
    const { action, version } = checkpoint;
    if (action.type === 'decode')
      return GONE.has(await queues.reason.getJobState(jobIds.reason(id, version))) ? 'sequential step job' : undefined;
    if (action.type !== 'fork') return undefined;
    const join = await queues.join.getJobState(jobIds.join(id, action.blockIndex));
    if (GONE.has(join)) return 'join job';
    if (join !== 'waiting-children') return undefined;
    const stored = await store.getThreads(id, action.blockIndex, action.threads.length);
    for (let index = 0; index < action.threads.length; index += 1) {
      if (stored[index] !== undefined) continue;
      const state = await queues.thread.getJobState(jobIds.thread(id, action.blockIndex, index));
      if (state === 'unknown') return `thread job ${action.threads[index]!.number}`;
    }
    return undefined;
  }
}

/**
 * Runs `settle` for every id, one at a time, and counts the trues. A request that throws (a damaged
 * record, say) does not hold up the ones after it: they are settled this round, and the errors are
 * thrown together afterwards for the round's error log. The failing one is tried again next round.
 */
async function countSettled(ids: readonly string[], settle: (id: string) => Promise<boolean>): Promise<number> {
  let settled = 0;
  const errors: RequestSettleError[] = [];
  for (const id of ids) {
    try {
      if (await settle(id)) settled += 1;
    } catch (error) {
      errors.push(new RequestSettleError(id, error));
    }
  }
  if (errors.length > 0) {
    const listed = errors.map((error) => error.message).join('; ');
    throw new AggregateError(errors, `${errors.length} request(s) not settled this round: ${listed}`);
  }
  return settled;
}
