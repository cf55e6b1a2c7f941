import {
  laneOfRequest,
  deadlinesKey,
  liveRequestsKey,
  requestKeys,
  threadField,
  type RequestKeys,
  type RequestStatus,
  type RequestView,
} from '@threadloom/contracts';
import type { RedisClient } from '../redis/redis-client.js';
import { newRevision } from './checkpoint-revision.js';
import { eventTimeMs } from './event-clock.js';
import type { Checkpoint } from './checkpoint.js';
import { CheckpointCache } from './checkpoint-cache.js';
import { loadJobSnapshot, type JobSnapshot } from './job-snapshot.js';
import { runScript } from './redis-script.js';
import { toRequestView } from './request-record.js';
import { RUNTIME_SCRIPTS as SCRIPTS } from './runtime-scripts.js';
import type { StoredThread } from './stored-thread.js';

/** Events kept per request stream (approximate trim). */
const EVENTS_MAX_LEN = 10_000;

/** XADD arguments after the key: a capped stream, a new id, the event's type, time and JSON data. */
function eventEntry(type: string, data: Readonly<Record<string, unknown>>) {
  return [
    'MAXLEN',
    '~',
    EVENTS_MAX_LEN,
    '*',
    'type',
    type,
    'at',
    String(eventTimeMs()),
    'data',
    JSON.stringify(data),
  ] as const;
}

/** Fields written when a request is created. */
export interface NewRequest {
  readonly id: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly checkpoint: Checkpoint;
  readonly now: number;
  /** Claimed in the same step as the creation: `key` (full Redis key) set to `value` for `ttlSeconds`. */
  readonly claim?: { readonly key: string; readonly value: string; readonly ttlSeconds: number };
}

/** Outcome of a checkpoint save. */
export type SaveOutcome = 'saved' | 'stale' | 'terminal';

/** Request records, checkpoints, thread results and event streams in Redis (see docs/architecture.md). */
export class RequestStore {
  private readonly redis: RedisClient;
  private readonly prefix: string;
  private readonly checkpoints = new CheckpointCache();

  constructor(redis: RedisClient, prefix: string) {
    this.redis = redis;
    this.prefix = prefix;
  }

  keys(id: string): RequestKeys {
    return requestKeys(this.prefix, id);
  }

  /** The live set of the lane `id` lives in (same hash slot as the request's own keys). */
  private liveKey(id: string): string {
    return liveRequestsKey(this.prefix, laneOfRequest(id));
  }

  /**
   * Writes record, checkpoint version 0, the `queued` event and the live-set entry, and claims the
   * idempotency key, in one script. Returns the claim's current value when the key was already taken
   * (then nothing is written), else undefined.
   */
  async create(request: NewRequest): Promise<string | undefined> {
    const keys = this.keys(request.id);
    const { claim } = request;
    const lane = laneOfRequest(request.id);
    const redisKeys = [keys.record, keys.checkpoint, keys.events, this.liveKey(request.id)];
    redisKeys.push(deadlinesKey(this.prefix, lane));
    if (claim !== undefined) redisKeys.push(claim.key);
    const args = [
      request.id,
      String(request.now),
      JSON.stringify(request.checkpoint),
      String(EVENTS_MAX_LEN),
      claim?.value ?? '',
      String(claim?.ttlSeconds ?? 0),
      request.fields['deadlineAt'] ?? '',
      ...Object.entries({ ...request.fields, revision: newRevision() }).flat(),
    ];
    const existing = await runScript(this.redis, SCRIPTS.createRequest, redisKeys, args);
    return typeof existing === 'string' ? existing : undefined;
  }

  /** Releases an idempotency claim if it still holds `value`. */
  async releaseClaim(key: string, value: string): Promise<void> {
    await runScript(this.redis, SCRIPTS.releaseClaim, [key], [value]);
  }

  /** Ids of `lane`'s live (not yet settled) requests created before `createdBefore`, oldest first. */
  async liveRequests(lane: number, createdBefore: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(liveRequestsKey(this.prefix, lane), '-inf', createdBefore, 'LIMIT', 0, limit);
  }

  /** Ids of `lane`'s requests whose deadline is at or before `now`, earliest first (settled ones too, until forgotten). */
  async overdueRequests(lane: number, now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(deadlinesKey(this.prefix, lane), '-inf', now, 'LIMIT', 0, limit);
  }

  /** Drops `id` from its lane's deadline set. */
  async forgetDeadline(id: string): Promise<void> {
    await this.redis.zrem(deadlinesKey(this.prefix, laneOfRequest(id)), id);
  }

  /** Status, checkpoint version and last update of a request; undefined when it is gone. */
  async liveness(id: string): Promise<{ status: RequestStatus; version: string; updatedAt: number } | undefined> {
    const [status, version, updatedAt] = await this.redis.hmget(this.keys(id).record, 'status', 'version', 'updatedAt');
    if (status === null) return undefined;
    return { status: status as RequestStatus, version: version ?? '', updatedAt: Number(updatedAt ?? 0) };
  }

  /** Drops `id` from the live set (it is settled or gone). */
  async forgetLive(id: string): Promise<void> {
    await this.redis.zrem(this.liveKey(id), id);
  }

  async view(id: string): Promise<RequestView | undefined> {
    return toRequestView(await this.redis.hgetall(this.keys(id).record));
  }

  async field(id: string, name: string): Promise<string | undefined> {
    return (await this.redis.hget(this.keys(id).record, name)) ?? undefined;
  }

  /** Several record fields in one round trip, in the order asked. */
  async fields(id: string, names: readonly string[]): Promise<(string | undefined)[]> {
    const values = await this.redis.hmget(this.keys(id).record, ...names);
    return values.map((value) => value ?? undefined);
  }

  async status(id: string): Promise<RequestStatus | undefined> {
    return (await this.field(id, 'status')) as RequestStatus | undefined;
  }

  /** Moves to `status` unless terminal; returns whether it moved. */
  async transition(id: string, status: RequestStatus, fields: Readonly<Record<string, string>> = {}): Promise<boolean> {
    const args = [status, String(Date.now()), ...Object.entries(fields).flat()];
    return (await runScript(this.redis, SCRIPTS.transition, [this.keys(id).record], args)) === 1;
  }

  async loadCheckpoint(id: string): Promise<Checkpoint | undefined> {
    const raw = await this.redis.get(this.keys(id).checkpoint);
    return raw === null ? undefined : (JSON.parse(raw) as Checkpoint);
  }

  /** Record fields, checkpoint (cached per version in this process) and optionally one stored thread, in one round trip. */
  async snapshot(
    id: string,
    thread?: { readonly block: number; readonly index: number },
  ): Promise<JobSnapshot | undefined> {
    return loadJobSnapshot(
      this.redis,
      this.keys(id),
      this.checkpoints,
      id,
      thread === undefined ? '' : threadField(thread.block, thread.index),
    );
  }

  /**
   * Saves `next` under a new revision stamp if the stored version is still `expected` and the request is
   * live; with `basedOn` (the revision `next` was computed from) only while that revision is stored too.
   */
  async saveCheckpoint(id: string, expected: number, next: Checkpoint, basedOn?: string): Promise<SaveOutcome> {
    const keys = this.keys(id);
    const saved = [JSON.stringify(next), String(Date.now()), newRevision(), basedOn ?? ''];
    const args = [String(expected), String(next.version), ...saved];
    const reply = await runScript(this.redis, SCRIPTS.saveCheckpoint, [keys.record, keys.checkpoint], args);
    return reply === 1 ? 'saved' : reply === 0 ? 'stale' : 'terminal';
  }

  /**
   * Stores a thread and appends its event in one script (one round trip, and no event without the
   * result), only while the checkpoint is still revision `fork` (the fork the thread ran for; undefined
   * for a record from before revisions). Returns whether it was stored.
   */
  async putThreadWithEvent(
    id: string,
    thread: { readonly block: number; readonly index: number; readonly fork: string | undefined },
    stored: StoredThread,
    event: { readonly type: string; readonly data: Readonly<Record<string, unknown>> },
  ): Promise<boolean> {
    const keys = this.keys(id);
    const field = threadField(thread.block, thread.index);
    const args = [field, JSON.stringify(stored), EVENTS_MAX_LEN, event.type, String(eventTimeMs())];
    const reply = await runScript(
      this.redis,
      SCRIPTS.putThreadWithEvent,
      [keys.threads, keys.events, keys.record],
      [...args, JSON.stringify(event.data), thread.fork ?? ''],
    );
    return reply === 1;
  }

  /** Threads 0..count-1 of a block in one HMGET; undefined where none is stored. */
  async getThreads(id: string, block: number, count: number): Promise<(StoredThread | undefined)[]> {
    if (count === 0) return [];
    const fields = Array.from({ length: count }, (_, index) => threadField(block, index));
    const raw = await this.redis.hmget(this.keys(id).threads, ...fields);
    return raw.map((json) => (json === null ? undefined : (JSON.parse(json) as StoredThread)));
  }

  /**
   * Overwrites threads of a block by index in one script, only while the checkpoint is past
   * `forkVersion` (the block was joined in what Redis holds). Returns whether they were written.
   */
  async putJoinedThreads(
    id: string,
    block: number,
    forkVersion: number,
    threads: ReadonlyMap<number, StoredThread>,
  ): Promise<boolean> {
    if (threads.size === 0) return true;
    const keys = this.keys(id);
    const fields = [...threads].flatMap(([index, thread]) => [threadField(block, index), JSON.stringify(thread)]);
    const reply = await runScript(
      this.redis,
      SCRIPTS.putJoinedThreads,
      [keys.threads, keys.record],
      [String(forkVersion), ...fields],
    );
    return reply === 1;
  }

  async allThreads(id: string): Promise<Record<string, StoredThread>> {
    const raw = await this.redis.hgetall(this.keys(id).threads);
    return Object.fromEntries(Object.entries(raw).map(([field, json]) => [field, JSON.parse(json) as StoredThread]));
  }

  async appendEvent(id: string, type: string, data: Readonly<Record<string, unknown>> = {}): Promise<void> {
    await this.redis.xadd(this.keys(id).events, ...eventEntry(type, data));
  }

  /** Sets the retention TTL on every key of a finished request, frees its slots and drops it from the live set. */
  async expire(id: string, seconds: number): Promise<void> {
    const keys = this.keys(id);
    const redisKeys = [keys.record, keys.checkpoint, keys.events, keys.threads, keys.slots, this.liveKey(id)];
    await runScript(this.redis, SCRIPTS.retainSettled, redisKeys, [String(seconds), id]);
  }

  async acquireSlot(id: string, member: string, leaseMs: number, max: number): Promise<boolean> {
    const args = [member, String(Date.now()), String(leaseMs), String(max)];
    return (await runScript(this.redis, SCRIPTS.acquireSlot, [this.keys(id).slots], args)) === 1;
  }

  async releaseSlot(id: string, member: string): Promise<void> {
    await this.redis.zrem(this.keys(id).slots, member);
  }
}
