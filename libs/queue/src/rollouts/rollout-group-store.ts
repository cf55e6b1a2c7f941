import { randomUUID } from 'node:crypto';
import { openRolloutGroupsKey, rolloutGroupKeys } from '@threadloom/contracts';
import type { RedisClient } from '../redis/redis-client.js';
import { runScript } from '../store/redis-script.js';
import { RUNTIME_SCRIPTS as SCRIPTS } from '../store/runtime-scripts.js';
import type {
  RolloutGroupCommit,
  RolloutGroupOutcome,
  RolloutGroupSpec,
  RolloutGroupState,
  RolloutRowFormat,
} from './rollout-group.js';

/** What marking a member terminal found. */
export type MarkOutcome = 'missing' | 'pending' | 'complete' | 'committed';
const MARKS: Readonly<Record<string, MarkOutcome>> = {
  '-1': 'missing',
  '0': 'pending',
  '1': 'complete',
  '2': 'committed',
};

/** Rollout groups in Redis: spec, member marks, the claim lease and the once-committed outcome (see docs/training.md). */
export class RolloutGroupStore {
  private readonly redis: RedisClient;
  private readonly prefix: string;
  private readonly retentionSeconds: number;

  constructor(redis: RedisClient, prefix: string, retentionSeconds: number) {
    this.redis = redis;
    this.prefix = prefix;
    this.retentionSeconds = retentionSeconds;
  }

  /** Writes the group and lists it as open, before any member is submitted. */
  async create(spec: RolloutGroupSpec): Promise<void> {
    const key = rolloutGroupKeys(this.prefix, spec.id).group;
    await this.redis
      .multi()
      .hset(key, { spec: JSON.stringify(spec), k: String(spec.k), settled: '0', commits: '0', claims: '0' })
      .expire(key, this.retentionSeconds)
      .zadd(openRolloutGroupsKey(this.prefix), spec.createdAt, spec.id)
      .exec();
  }

  /** Records the member request ids (index = member), so a sweeper can find members whose settle hook was lost. */
  async setMembers(id: string, requestIds: readonly string[]): Promise<void> {
    await this.redis.hset(rolloutGroupKeys(this.prefix, id).group, 'members', JSON.stringify(requestIds));
  }

  /** Removes groups whose members could not all be submitted. */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const multi = this.redis.multi();
    for (const id of ids) multi.del(rolloutGroupKeys(this.prefix, id).group);
    multi.zrem(openRolloutGroupsKey(this.prefix), ...ids);
    await multi.exec();
  }

  /** Marks member `member` (request `requestId`) terminal; idempotent. */
  async markSettled(id: string, member: number, requestId: string): Promise<MarkOutcome> {
    const reply = await runScript(
      this.redis,
      SCRIPTS.markMember,
      [rolloutGroupKeys(this.prefix, id).group],
      [member, requestId],
    );
    return MARKS[String(reply)] ?? 'missing';
  }

  /** A claim token when this caller may compute the group now; undefined when committed or someone else holds it. */
  async claim(id: string, leaseMs: number): Promise<string | undefined> {
    const keys = rolloutGroupKeys(this.prefix, id);
    const token = randomUUID();
    const reply = await runScript(this.redis, SCRIPTS.claimGroup, [keys.group, keys.claim], [token, leaseMs]);
    return reply === 1 ? token : undefined;
  }

  /** Commits the outcome unless one is committed already; returns whether this call committed it. */
  async commit(id: string, token: string, commit: RolloutGroupCommit, now = Date.now()): Promise<boolean> {
    const keys = rolloutGroupKeys(this.prefix, id);
    const fields = [
      ['outcome', JSON.stringify(commit.outcome)],
      ['packed', commit.packed.join('\n')],
      ['expanded', commit.expanded.join('\n')],
    ].flat();
    const args = [id, String(now), token, String(this.retentionSeconds), ...fields];
    const reply = await runScript(
      this.redis,
      SCRIPTS.commitGroup,
      [keys.group, openRolloutGroupsKey(this.prefix), keys.claim],
      args,
    );
    return reply === 1;
  }

  /** The group without its export rows; undefined when it does not exist. */
  async load(id: string): Promise<RolloutGroupState | undefined> {
    const key = rolloutGroupKeys(this.prefix, id).group;
    const fields = ['spec', 'members', 'settled', 'committedAt', 'commits', 'claims', 'outcome'] as const;
    const values = (await this.redis.hmget(key, ...fields)).map((value) => value ?? undefined);
    const [spec, members, settled, committedAt, commits, claims, outcome] = values;
    if (spec === undefined) return undefined;
    const parsed = JSON.parse(spec) as RolloutGroupSpec;
    const listed = members === undefined ? [] : (JSON.parse(members) as string[]);
    const marks = await this.redis.hmget(key, ...Array.from({ length: parsed.k }, (_, j) => `m${j}`));
    return {
      spec: parsed,
      members: marks.map((mark, j) => listed[j] ?? mark ?? undefined),
      settled: Number(settled ?? 0),
      committedAt: committedAt === undefined ? null : Number(committedAt),
      commits: Number(commits ?? 0),
      claims: Number(claims ?? 0),
      outcome: outcome === undefined ? null : (JSON.parse(outcome) as RolloutGroupOutcome),
    };
  }

  /** Which members are marked terminal, by index. */
  async marks(id: string, k: number): Promise<boolean[]> {
    const fields = Array.from({ length: k }, (_, j) => `m${j}`);
    const values = await this.redis.hmget(rolloutGroupKeys(this.prefix, id).group, ...fields);
    return values.map((value) => value !== null);
  }

  /** The committed export rows of a group in one format (JSON lines), or [] before the commit. */
  async rows(id: string, format: RolloutRowFormat): Promise<string[]> {
    const text = await this.redis.hget(rolloutGroupKeys(this.prefix, id).group, format);
    return text === null || text === '' ? [] : text.split('\n');
  }

  /** Ids of groups not yet committed that were created before `createdBefore`, oldest first. */
  async openGroups(createdBefore: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(openRolloutGroupsKey(this.prefix), '-inf', createdBefore, 'LIMIT', 0, limit);
  }

  /** Drops an id from the open set (its group expired). */
  async forgetOpen(id: string): Promise<void> {
    await this.redis.zrem(openRolloutGroupsKey(this.prefix), id);
  }
}
