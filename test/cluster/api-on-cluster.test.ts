// The product unchanged on a Redis Cluster (issue 17): a real 3-master cluster, workers and the API as
// processes, every one given REDIS_CLUSTER_NODES and LANES=3, used over real HTTP only. The prefix is
// chosen so that its three lanes hash to three different masters (asserted, not assumed).
import { setTimeout as sleep } from 'node:timers/promises';
import { allLanes, laneOfKey, laneOfRequest, lanePrefix } from '@threadloom/contracts';
import type { SupervisedProcess } from '@threadloom/devstack';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, KEYS } from '../api/support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from '../api/support/api-stack.js';
import { corpusBatchLines } from '../api/support/corpus-lines.js';
import { readSse, type SseMessage } from '../api/support/sse.js';
import { startSim, startWorker, type StackOptions } from '../orchestration/support/stack.js';
import { corpusEntries } from '../support/corpus.js';
import { FIGURE6 } from '../support/figure6.js';
import { useRedisCluster } from '../support/redis-cluster.js';

const PREFIX = '{tl-api-cluster}';
const LANES = 3;
const alice = { Authorization: bearer(KEYS.alice) };
const TENANT = 'acme'; // alice's tenant: an idempotent request's lane follows from tenant and key
const figure6Body = { messages: [{ role: 'user', content: FIGURE6.problem }], model: MODEL };

/** One idempotency key per lane (the lane is a hash of tenant and key), so every lane gets a request. */
function keyPerLane(): string[] {
  const keys: string[] = [];
  for (let n = 0; allLanes(LANES).some((lane) => keys[lane] === undefined); n += 1) {
    const key = `cluster-fig6-${n}`;
    keys[laneOfKey(`${TENANT}\n${key}`, LANES)] ??= key;
  }
  return keys;
}

describe('the API and workers on a Redis Cluster', () => {
  const cluster = useRedisCluster({ masters: 3, replicas: 0 });
  let api: ApiProcess;
  const processes: SupervisedProcess[] = [];

  beforeAll(async () => {
    const clusterEnv = { LANES: String(LANES), REDIS_CLUSTER_NODES: cluster().nodes.join(',') };
    // Slow enough that a request is still running when it is cancelled right after its 202.
    const { sim, url: engineUrl } = await startSim({ timeScale: 0.01 });
    processes.push(sim);
    const options: StackOptions = { redisUrl: cluster().url, keyPrefix: PREFIX, machines: 2, workerEnv: clusterEnv };
    processes.push(await startWorker(options, 'm1', 'reason,thread', engineUrl));
    processes.push(await startWorker(options, 'm2', 'reason,thread', engineUrl));
    processes.push(await startWorker(options, 'join1', 'join'));
    api = await startApi(cluster().url, PREFIX, { ...clusterEnv, API_RATE_LIMIT_BURST: '40' });
  }, 60_000);
  afterAll(async () => {
    await api?.process.stop(5_000);
    await Promise.all(processes.map((child) => child.stop(2_000)));
  });

  it('puts the three lanes on three different masters', async () => {
    const masters = await Promise.all(allLanes(LANES).map((lane) => cluster().masterOf(lanePrefix(PREFIX, lane))));
    expect(new Set(masters).size).toBe(3);
  });

  it('completes a request on every lane with the Figure 6 result, streamed live to its end and replayed', async () => {
    const keys = keyPerLane();
    const submitted = await Promise.all(
      keys.map((key) =>
        request(api.url)
          .post('/v1/reasoning')
          .set({ ...alice, 'Idempotency-Key': key })
          .send(figure6Body),
      ),
    );
    const ids = submitted.map((response) => {
      expect(response.status).toBe(202);
      return response.body.id as string;
    });
    expect(ids.map((id) => laneOfRequest(id))).toEqual([0, 1, 2]);
    // Live streams of three lanes at once: each blocking read must reach the master of its lane.
    const live = await Promise.all(ids.map((id) => readSse(`${api.url}/v1/reasoning/${id}/events`, alice)));
    for (const [index, id] of ids.entries()) {
      const stream = live[index]!;
      expect(stream.status).toBe(200);
      expect(stream.messages[0]?.event).toBe('queued');
      expect(stream.messages.at(-1)?.event).toBe('completed');
      const done = await request(api.url).get(`/v1/reasoning/${id}`).set(alice);
      expect(done.body).toMatchObject({ status: 'completed', result: { text: FIGURE6.assistant, answer: '5' } });
      const replay = await readSse(`${api.url}/v1/reasoning/${id}/events`, alice);
      expect(replay.messages.map(idAndEvent)).toEqual(stream.messages.map(idAndEvent));
    }
    const listed = await request(api.url).get('/v1/reasoning').set(alice);
    expect(listed.body.data.map((view: { id: string }) => view.id)).toEqual(expect.arrayContaining(ids));

    // The same key and body again: the same request, whatever lane it is in.
    for (const [lane, key] of keys.entries()) {
      const again = await request(api.url)
        .post('/v1/reasoning')
        .set({ ...alice, 'Idempotency-Key': key })
        .send(figure6Body);
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ id: ids[lane], status: 'completed' });
      const conflict = await request(api.url)
        .post('/v1/reasoning')
        .set({ ...alice, 'Idempotency-Key': key })
        .send({ ...figure6Body, max_tokens: 100 });
      expect(conflict.status).toBe(409);
    }
  }, 60_000);

  it('cancels a running request, and its stream ends with the cancellation', async () => {
    const submitted = await request(api.url).post('/v1/reasoning').set(alice).send(figure6Body);
    expect(submitted.status).toBe(202);
    const id = submitted.body.id as string;
    const cancelled = await request(api.url).delete(`/v1/reasoning/${id}`).set(alice);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const stream = await readSse(`${api.url}/v1/reasoning/${id}/events`, alice);
    expect(stream.messages.at(-1)?.event).toBe('cancelled');
    // Nothing revives it: the workers see the cancellation and leave it settled.
    await sleep(500);
    expect((await request(api.url).get(`/v1/reasoning/${id}`).set(alice)).body.status).toBe('cancelled');
  });

  it('runs a batch to completion', async () => {
    const lines = corpusBatchLines(9);
    const created = await request(api.url).post('/v1/batches').set(alice).send(lines);
    expect(created.status).toBe(202);
    let batch = created;
    for (const deadline = Date.now() + 40_000; batch.body.status !== 'completed' && Date.now() < deadline;) {
      await sleep(250);
      batch = await request(api.url).get(`/v1/batches/${created.body.id}`).set(alice);
    }
    expect(batch.body.status).toBe('completed');
    expect(batch.body.request_counts).toMatchObject({ total: 9, completed: 9, failed: 0 });
    const results = await fetch(`${api.url}/v1/batches/${created.body.id}/results`, { headers: alice });
    const rows = (await results.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; custom_id: string; status: string });
    expect(rows.map((row) => row.custom_id)).toEqual(lines.map((line) => line.custom_id));
    expect(rows.every((row) => row.status === 'completed')).toBe(true);
  }, 60_000);

  it('scores a rollout group whose members live in any lane (the group keys stay in one slot)', async () => {
    const [entry] = corpusEntries();
    const problems = [{ custom_id: entry!.id, problem: entry!.problem, ground_truth: entry!.answer }];
    const created = await request(api.url).post('/v1/rollouts').set(alice).send({ problems, k: 2, seed: 7 });
    expect(created.status).toBe(202);
    let rollout = created;
    for (const deadline = Date.now() + 40_000; rollout.body.status !== 'completed' && Date.now() < deadline;) {
      await sleep(250);
      rollout = await request(api.url).get(`/v1/rollouts/${created.body.id}`).set(alice);
    }
    expect(rollout.body).toMatchObject({
      status: 'completed',
      group_counts: { total: 1, scored: 1 },
      rollout_counts: { total: 2, completed: 2, failed: 0 },
    });
  }, 60_000);

  it('is ready, rate-limits and shows every lane in Bull Board from the cluster', async () => {
    const ready = await request(api.url).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      redis: 'up',
      queues: { reason: expect.any(Number), thread: expect.any(Number), join: expect.any(Number) },
    });
    const board = await request(api.url).get('/admin/queues/api/queues').auth('admin', KEYS.admin);
    expect(board.status).toBe(200);
    const names = (board.body.queues as { name: string }[]).map((queue) => queue.name);
    expect(names).toHaveLength(9);
    // Bull Board's Redis panel reads INFO from every cluster node.
    const stats = await request(api.url).get('/admin/queues/api/redis/stats').auth('admin', KEYS.admin);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ version: expect.any(String), mode: 'cluster' });
    const statuses: number[] = [];
    for (let i = 0; i < 45 && statuses.at(-1) !== 429; i += 1)
      statuses.push((await request(api.url).get('/v1/models').set('Authorization', bearer(KEYS.throttled))).status);
    expect(statuses).toEqual([...Array.from({ length: 40 }, () => 200), 429]);
  });
});

function idAndEvent(message: SseMessage): string {
  return `${message.id ?? ''} ${message.event ?? ''}`;
}
