// SIGKILL a worker while a rollout job runs: every group is still scored exactly once, every member once.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from '../api/support/api-keys.js';
import { startApiStack, type ApiStack } from '../api/support/api-stack.js';
import { getJsonLines, waitForJobStatus } from '../api/support/job-http.js';
import { corpusEntries } from '../support/corpus.js';
import { firstEvent } from './support/events.js';

const PREFIX = '{tl-rollout-crash}';
const problems = corpusEntries()
  .slice(0, 2)
  .map((entry) => ({ custom_id: entry.id, problem: entry.problem, ground_truth: entry.answer }));

interface GroupLine {
  group_id: string;
  status: string;
  members: { request_id: string; status: string; advantage: number | null; reward: number | null }[];
}

describe('rollout groups survive a worker crash', () => {
  let env: ApiStack;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    env = await startApiStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: PREFIX,
      machines: 2,
      timeScale: 0.1,
      workerEnv: { REAPER_INTERVAL_MS: '500' },
    });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('commits each group once with k distinct members after a SIGKILL mid-group', async () => {
    const created = await request(env.api.url)
      .post('/v1/rollouts')
      .set(alice)
      .send({ problems, k: 4, temperature: 0.6 });
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    const groupsBefore = await groupLines(id);
    const memberIds = groupsBefore.flatMap((group) => group.members.map((member) => member.request_id));
    expect(memberIds).toEqual([]); // nothing scored yet: members are still running
    const requestIds = await env.stack.redis
      .hget(`${PREFIX}:rgroup:${id}-g0`, 'members')
      .then((json) => JSON.parse(json ?? '[]') as string[]);
    const victim = env.stack.machines[0]!;
    await firstEvent(
      env.stack.client,
      requestIds,
      (event) => event.type === 'thread_started' && event.data['machine'] === victim.id,
    );
    await victim.worker.kill();

    const done = await waitForJobStatus(env.api.url, `/v1/rollouts/${id}`, alice, ['completed'], {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
    expect(done.body.status).toBe('completed');
    const groups = await groupLines(id);
    for (const group of groups) {
      const [commits, claims] = await env.stack.redis.hmget(`${PREFIX}:rgroup:${group.group_id}`, 'commits', 'claims');
      expect(commits).toBe('1');
      expect(Number(claims)).toBeGreaterThanOrEqual(1);
      expect(group.status).toBe('completed');
      expect(new Set(group.members.map((member) => member.request_id)).size).toBe(4);
      const rewards = group.members.map((member) => member.reward!);
      const mean = rewards.reduce((sum, reward) => sum + reward, 0) / 4;
      expect(group.members.map((member) => member.advantage)).toEqual(rewards.map((reward) => reward - mean));
    }
    const packed = await jsonl(`/v1/rollouts/${id}/results?format=packed`);
    expect(packed).toHaveLength(8);
    expect(new Set(packed.map((row) => row['request_id'])).size).toBe(8);
    expect(await env.stack.redis.zcard(`${PREFIX}:rgroups:open`)).toBe(0);
  });

  async function jsonl(path: string): Promise<Record<string, unknown>[]> {
    return (await getJsonLines(env.api.url, path, alice)).lines;
  }

  async function groupLines(id: string): Promise<GroupLine[]> {
    return (await jsonl(`/v1/rollouts/${id}/results`)) as unknown as GroupLine[];
  }
});
