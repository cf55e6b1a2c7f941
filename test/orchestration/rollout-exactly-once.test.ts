// Exactly-once scoring of rollout groups on a real Redis, without workers: racing finalizers, marks lost
// by a process killed between settling a request and marking its group, and a claimer that died.
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisReasoningClient, RequestStore, RolloutGroups, RolloutGroupStore } from '@threadloom/queue';
import type { RolloutGroupSpec } from '@threadloom/queue';
import { renderUserPrompt, runOrchestration, type CompletionResult, type Engine } from '@threadloom/threading';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const PREFIX = '{tl-rollout-once}';
const RETENTION = 600;
const K = 3;

const ok = (text: string, stopReason: string | null): CompletionResult => ({
  text,
  finishReason: 'stop',
  stopReason,
  completionTokens: text.length,
});
/** A two-thread block, then `\boxed{answer}`. */
const engine = (answer: string): Engine => ({
  complete: (request) => {
    if (request.stop.includes('</Thread>')) return Promise.resolve(ok(' work\n</Thread>', '</Thread>'));
    if (request.prompt.endsWith('</Thread>\n')) return Promise.resolve(ok(`</Parallel>\n\\boxed{${answer}}`, null));
    return Promise.resolve(
      ok('<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>', '</Outlines>'),
    );
  },
});

describe('rollout groups are scored exactly once', () => {
  let redis: Redis;
  let client: RedisReasoningClient;
  let requests: RequestStore;
  const groupsOf = (connection: Redis) =>
    new RolloutGroups(new RolloutGroupStore(connection, PREFIX, RETENTION), new RequestStore(connection, PREFIX), {
      claimLeaseMs: 300,
    });
  const connections: Redis[] = [];

  beforeAll(async () => {
    redis = new Redis(inject('redisUrl'));
    client = await new RedisReasoningClient({ redisUrl: inject('redisUrl'), keyPrefix: PREFIX }).connect();
    requests = new RequestStore(redis, PREFIX);
  });
  afterAll(async () => {
    await client?.close();
    for (const connection of connections) connection.disconnect();
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  /** A group of K members, each completed in Redis with a finished trajectory but never marked (the hook was lost). */
  async function completedGroup(id: string): Promise<string[]> {
    const spec: RolloutGroupSpec = {
      id,
      rolloutId: 'rollout_once',
      customId: id,
      tenant: 'default',
      k: K,
      groundTruth: '5',
      rewardProfile: 'paper',
      seeds: [1, 2, 3],
      createdAt: Date.now() - 10_000,
    };
    await new RolloutGroupStore(redis, PREFIX, RETENTION).create(spec);
    const prompt = renderUserPrompt('What is 2+3?');
    const ids: string[] = [];
    for (let member = 0; member < K; member += 1) {
      const view = await client.submit({ prompt, rollout: { group: id, member } });
      const { state } = await runOrchestration(prompt, engine(member === 0 ? '4' : '5'));
      expect(
        await requests.saveCheckpoint(view.id, 0, { version: 1, state, action: { type: 'done', reason: 'eos' } }),
      ).toBe('saved');
      expect(await requests.transition(view.id, 'completed')).toBe(true);
      ids.push(view.id);
    }
    await new RolloutGroupStore(redis, PREFIX, RETENTION).setMembers(id, ids);
    return ids;
  }

  it('marks lost members and commits once when three processes sweep at the same time', async () => {
    await completedGroup('g-race');
    const racers = [0, 1, 2].map(() => {
      const connection = new Redis(inject('redisUrl'));
      connections.push(connection);
      return groupsOf(connection);
    });
    expect(await racers[0]!.finalize('g-race')).toBe('incomplete'); // nobody marked the members
    const committed = await Promise.all(racers.map((groups) => groups.sweep(Date.now(), 10)));
    expect(committed.reduce((sum, count) => sum + count, 0)).toBe(1);
    const state = await new RolloutGroupStore(redis, PREFIX, RETENTION).load('g-race');
    expect(state).toMatchObject({ settled: K, commits: 1 });
    expect(state!.outcome!.members.map((member) => member.correct)).toEqual([false, true, true]);
    expect(state!.outcome!.members.reduce((sum, member) => sum + member.advantage!, 0)).toBeCloseTo(0, 12);
    expect(await racers[1]!.finalize('g-race')).toBe('already_committed');
    expect(await redis.zscore(`${PREFIX}:rgroups:open`, 'g-race')).toBeNull();
  });

  it('waits out a dead claimer’s lease, then commits once', async () => {
    const ids = await completedGroup('g-dead');
    const store = new RolloutGroupStore(redis, PREFIX, RETENTION);
    for (const [member, id] of ids.entries()) await store.markSettled('g-dead', member, id);
    expect(await store.claim('g-dead', 300)).toBeDefined(); // a process that claimed and was SIGKILLed
    const groups = groupsOf(redis);
    expect(await groups.finalize('g-dead')).toBe('busy');
    await sleep(400);
    const [first, second] = await Promise.all([groups.finalize('g-dead'), groups.finalize('g-dead')]);
    expect([first, second].sort()).toEqual(['busy', 'committed']);
    expect(await store.load('g-dead')).toMatchObject({ commits: 1, claims: 2 });
    expect(await store.rows('g-dead', 'packed')).toHaveLength(K);
  });
});
