// RL rollout groups through the API: k seeded members per problem, rewards and P-GRPO advantages once per
// group, export rows (groups, packed, expanded), tenancy, and bad input refused whole with a clear 400.
import { QUEUE_NAMES } from '@threadloom/contracts';
import { renderUserPrompt } from '@threadloom/threading';
import { Queue } from 'bullmq';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { getJsonLines, waitForJobStatus } from './support/job-http.js';
import { corpusEntries } from '../support/corpus.js';

interface MemberLine {
  member: number;
  request_id: string;
  status: string;
  seed: number;
  reward: number | null;
  advantage: number | null;
  correct: boolean;
}
interface GroupLine {
  group_id: string;
  custom_id: string;
  status: string;
  mean_reward: number | null;
  members: MemberLine[];
}

/** The engine's ids of `problem` rendered as the rollout's user prompt. */
async function tokenized(simUrl: string, problem: string): Promise<number[]> {
  const response = await request(simUrl)
    .post('/tokenize')
    .send({ prompt: renderUserPrompt(problem) });
  expect(response.status).toBe(200);
  return (response.body as { tokens: number[] }).tokens;
}

const entries = corpusEntries().slice(0, 2);
const problems = entries.map((entry) => ({ custom_id: entry.id, problem: entry.problem, ground_truth: entry.answer }));

describe('rollout groups on the distributed runtime', () => {
  let env: ApiStack;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    env = await startApiStack({ redisUrl: inject('redisUrl'), keyPrefix: '{tl-api-rollouts}', machines: 2 });
  });
  afterAll(async () => {
    await env?.stop();
  });

  const jsonl = async (path: string) => {
    const { status, lines } = await getJsonLines(env.api.url, path, alice);
    expect(status).toBe(200);
    return lines;
  };
  const waitForRollout = (id: string) =>
    waitForJobStatus(env.api.url, `/v1/rollouts/${id}`, alice, ['completed', 'cancelled']);

  it('scores every group once: distinct seeds and trajectories, advantages r − mean summing to zero, export rows', async () => {
    const created = await request(env.api.url)
      .post('/v1/rollouts')
      .set(alice)
      .send({ problems, k: 4, temperature: 0.6, seed: 1000 });
    expect(created.status).toBe(202);
    expect(created.headers['location']).toBe(`/v1/rollouts/${created.body.id}`);
    expect(created.body).toMatchObject({
      object: 'rollout',
      k: 4,
      reward_profile: 'paper',
      rollout_counts: { total: 8 },
    });

    const done = await waitForRollout(created.body.id as string);
    expect(done.body).toMatchObject({ status: 'completed', group_counts: { total: 2, scored: 2 } });
    expect(done.body.rollout_counts).toMatchObject({ total: 8, completed: 8, failed: 0 });

    const groups = (await jsonl(`/v1/rollouts/${created.body.id}/results`)) as unknown as GroupLine[];
    expect(groups.map((group) => group.custom_id)).toEqual(problems.map((problem) => problem.custom_id));
    for (const group of groups) {
      expect(group.status).toBe('completed');
      expect(group.members.map((member) => member.seed)).toEqual([1000, 1001, 1002, 1003]);
      expect(new Set(group.members.map((member) => member.request_id)).size).toBe(4);
      const rewards = group.members.map((member) => member.reward!);
      const mean = rewards.reduce((sum, reward) => sum + reward, 0) / rewards.length;
      expect(group.mean_reward).toBe(mean);
      expect(group.members.map((member) => member.advantage)).toEqual(rewards.map((reward) => reward - mean));
      expect(Math.abs(group.members.reduce((sum, member) => sum + member.advantage!, 0))).toBeLessThan(1e-12);
    }

    const packed = await jsonl(`/v1/rollouts/${created.body.id}/results?format=packed`);
    expect(packed).toHaveLength(8);
    for (const row of packed) {
      expect(row).toMatchObject({ ok: true, token_source: 'engine', tokenizer: 'qwen3' });
      const ids = row['input_ids'] as number[];
      for (const field of ['position_ids', 'parent', 'tin', 'tout', 'labels', 'loss_mask', 'advantages'])
        expect((row[field] as number[]).length).toBe(ids.length);
    }
    // Sampling differs across the k members of every group, with blocks (Figure 6) or without.
    for (const group of groups) {
      const rows = packed.filter((row) => row['group_id'] === group.group_id);
      expect(new Set(rows.map((row) => JSON.stringify(row['input_ids']))).size).toBe(4);
    }

    const expanded = await jsonl(`/v1/rollouts/${created.body.id}/results?format=expanded`);
    const units = groups
      .flatMap((group) => group.members)
      .reduce((sum, member) => sum + (member as unknown as { units: number }).units, 0);
    expect(expanded).toHaveLength(units);
    const promptIds = new Map<string, number[]>();
    for (const problem of problems)
      promptIds.set(problem.custom_id, await tokenized(env.stack.machines[0]!.simUrl, problem.problem));
    for (const row of expanded) {
      // The simulator returns token ids (return_token_ids): every call's row holds the engine's own.
      expect(row).toMatchObject({ token_source: 'engine' });
      // Every call's context opens with the member's prompt; the first call's is that prompt alone.
      const prompt = promptIds.get(row['custom_id'] as string)!;
      const ids = row['prompt_ids'] as number[];
      expect(row['unit'] === 0 ? ids : ids.slice(0, prompt.length)).toEqual(prompt);
    }
    const member0 = groups[0]!.members[0]!;
    expect(
      expanded
        .filter((row) => row['request_id'] === member0.request_id)
        .every((row) => row['advantage'] === member0.advantage),
    ).toBe(true);
  });

  it('refuses bad input whole with a 400 naming the field, and creates nothing', async () => {
    const cases = [
      { body: { problems, k: 0 }, field: 'k' },
      { body: { problems, k: 65 }, field: 'k' },
      { body: { problems: [], k: 4 }, field: 'problems' },
      { body: { problems: [{ problem: 'x' }] }, field: 'problems[0].ground_truth' },
      { body: { problems: [{ problem: 'x', prompt: 'y', ground_truth: '1' }] }, field: 'problems[0].problem' },
      { body: { problems, reward_profile: 'nope' }, field: 'reward_profile' },
    ];
    const before = await env.stack.redis.keys('{tl-api-rollouts}:rgroup:*');
    for (const { body, field } of cases) {
      const response = await request(env.api.url).post('/v1/rollouts').set(alice).send(body);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
    expect(await env.stack.redis.keys('{tl-api-rollouts}:rgroup:*')).toEqual(before);
    const results = await request(env.api.url).get('/v1/rollouts/rollout_nope/results?format=bad').set(alice);
    expect(results.status).toBe(400);
  });

  it('hides a rollout job from other tenants and cancels what is still running', async () => {
    // Held queued (BullMQ's own pause) so the cancel below meets members still in flight.
    const reason = new Queue(QUEUE_NAMES.reason, { connection: env.stack.redis, prefix: '{tl-api-rollouts}' });
    await reason.pause();
    onTestFinished(() => reason.resume().finally(() => reason.close()));
    const created = await request(env.api.url)
      .post('/v1/rollouts')
      .set(alice)
      .send({ problems: problems.slice(0, 1), k: 2 });
    const bob = { Authorization: bearer(KEYS.bob) };
    for (const path of ['', '/results', '/results?format=packed', '/results?format=expanded']) {
      const response = await request(env.api.url).get(`/v1/rollouts/${created.body.id}${path}`).set(bob);
      expect([path, response.status, response.body.error?.code]).toEqual([path, 404, 'not_found']);
    }
    expect((await request(env.api.url).post(`/v1/rollouts/${created.body.id}/cancel`).set(bob)).status).toBe(404);
    // The same answer as for a job that does not exist: nothing tells Bob the id is taken.
    const hidden = await request(env.api.url).get(`/v1/rollouts/${created.body.id}`).set(bob);
    const missing = await request(env.api.url).get('/v1/rollouts/rollout_missing').set(bob);
    expect(hidden.body.error.message.replace(/'.*'/, '')).toBe(missing.body.error.message.replace(/'.*'/, ''));
    // Bob's attempt changed nothing: the job is still Alice's and still running.
    expect((await request(env.api.url).get(`/v1/rollouts/${created.body.id}`).set(alice)).body.cancelled_at).toBeNull();
    const cancelled = await request(env.api.url).post(`/v1/rollouts/${created.body.id}/cancel`).set(alice);
    await reason.resume();
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelled_at).not.toBeNull();
    const done = await waitForRollout(created.body.id as string);
    expect(done.body).toMatchObject({ status: 'cancelled', group_counts: { total: 1, scored: 1 } });
  });

  it('makes creation idempotent with Idempotency-Key: the same body is the same job, another body a 409', async () => {
    const headers = { ...alice, 'Idempotency-Key': 'rollout-key-1' };
    const body = { problems: problems.slice(0, 1), k: 2, seed: 5 };
    const first = await request(env.api.url).post('/v1/rollouts').set(headers).send(body);
    expect(first.status).toBe(202);
    // Job records and group hashes (a group's `:claim` lease comes and goes while it is scored).
    const jobs = async () => [
      ...(await env.stack.redis.keys('{tl-api-rollouts}:rollout:*')),
      ...(await env.stack.redis.keys('{tl-api-rollouts}:rgroup:*')).filter((key) => !key.endsWith(':claim')),
    ];
    const before = (await jobs()).sort();
    const again = await request(env.api.url).post('/v1/rollouts').set(headers).send(body);
    expect([again.status, again.body.id]).toEqual([202, first.body.id]);
    // The replay created nothing: no second job record, no second set of groups.
    expect((await jobs()).sort()).toEqual(before);
    const conflict = await request(env.api.url)
      .post('/v1/rollouts')
      .set(headers)
      .send({ ...body, seed: 6 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'idempotency_conflict', param: 'Idempotency-Key' });
    await request(env.api.url).post(`/v1/rollouts/${first.body.id}/cancel`).set(alice);
  });

  it('documents every rollout route in the OpenAPI document with its request and response schemas', async () => {
    const doc = (await request(env.api.url).get('/docs-json')).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const create = doc.paths['/v1/rollouts']?.['post'];
    expect(create?.requestBody?.content['application/json']?.schema.properties).toHaveProperty('problems');
    expect(create?.responses['202']?.content?.['application/json']?.schema.properties).toHaveProperty('group_counts');
    for (const [path, method] of [
      ['/v1/rollouts/{id}', 'get'],
      ['/v1/rollouts/{id}/cancel', 'post'],
    ] as const) {
      const schema = doc.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema;
      expect(schema?.properties).toHaveProperty('rollout_counts');
    }
    const results = doc.paths['/v1/rollouts/{id}/results']?.['get'];
    expect(results?.parameters?.map((parameter) => parameter.name)).toEqual(['id', 'format']);
    expect(results?.responses['200']?.content?.['application/jsonl']?.schema.anyOf).toHaveLength(3);
    for (const operation of [create, results]) expect(Object.keys(operation?.responses ?? {})).toContain('401');
  });
});

interface OpenApiSchema {
  properties?: Record<string, unknown>;
  anyOf?: unknown[];
}
interface OpenApiOperation {
  parameters?: { name: string }[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema } | undefined> };
  responses: Record<string, { content?: Record<string, { schema: OpenApiSchema } | undefined> } | undefined>;
}
