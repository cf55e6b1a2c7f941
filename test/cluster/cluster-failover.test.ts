// The runtime on a real Redis Cluster (3 masters, 3 replicas on loopback): LANES=3 spread over the
// masters, and a master failed over (its replica promoted) mid-batch loses nothing.
import { allLanes, lanePrefix, QUEUE_NAMES } from '@threadloom/contracts';
import type { SupervisedProcess } from '@threadloom/devstack';
import { createWorkerConnection, RedisReasoningClient, type RedisClient } from '@threadloom/queue';
import { renderUserPrompt, runOrchestration } from '@threadloom/threading';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpEngine } from '../support/http-engine.js';
import { scenario } from '../orchestration/support/scenarios.js';
import { startScriptedEngine, type ScriptedEngine } from '../orchestration/support/scripted-engine.js';
import { startWorker, type StackOptions } from '../orchestration/support/stack.js';
import { useRedisCluster } from '../support/redis-cluster.js';

const PREFIX = '{tl-cluster}';
const LANES = 3;
const REQUESTS = 18;
const model = 'scripted';

async function unfinished(redis: RedisClient): Promise<number> {
  let total = 0;
  for (const lane of allLanes(LANES))
    for (const name of Object.values(QUEUE_NAMES)) {
      const queue = new Queue(name, { connection: redis, prefix: lanePrefix(PREFIX, lane) });
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'waiting-children', 'prioritized');
      total += Object.values(counts).reduce((sum, n) => sum + n, 0);
      await queue.close();
    }
  return total;
}

describe('redis cluster', () => {
  const cluster = useRedisCluster({ masters: 3, replicas: 1 });
  let engine: ScriptedEngine;
  let client: RedisReasoningClient;
  let inspect: RedisClient;
  const workers: SupervisedProcess[] = [];

  beforeAll(async () => {
    engine = await startScriptedEngine(scenario);
    const options: StackOptions = {
      redisUrl: cluster().url,
      keyPrefix: PREFIX,
      machines: 2,
      workerEnv: { MODEL_NAME: model, LANES: String(LANES), REDIS_CLUSTER_NODES: cluster().nodes.join(',') },
    };
    workers.push(await startWorker(options, 'm1', 'reason,thread', engine.url));
    workers.push(await startWorker(options, 'm2', 'reason,thread', engine.url));
    workers.push(await startWorker(options, 'join1', 'join'));
    const target = { redisUrl: cluster().url, redisClusterNodes: cluster().nodes, keyPrefix: PREFIX, lanes: LANES };
    client = await new RedisReasoningClient({
      ...target,
      retry: { attempts: { reason: 6, thread: 6, join: 6 }, backoffMs: 40 },
    }).connect();
    inspect = createWorkerConnection({ url: cluster().url, clusterNodes: cluster().nodes }, 'cluster-test');
  }, 60_000);
  afterAll(async () => {
    await client?.close();
    await Promise.all(workers.map((worker) => worker.stop(2_000)));
    inspect?.disconnect();
    await engine?.close();
  });

  it('finishes every request of a batch while the master of a busy lane fails over', async () => {
    const prompts = Array.from({ length: REQUESTS }, (_, i) => `concurrent cluster ${i}`);
    const views = await Promise.all(prompts.map((p) => client.submit({ prompt: renderUserPrompt(p), model })));
    const masters = await Promise.all(allLanes(LANES).map((lane) => cluster().masterOf(lanePrefix(PREFIX, lane))));
    // Mid-batch: some requests are done, others still running.
    await expect
      .poll(
        async () =>
          (await Promise.all(views.map((v) => client.get(v.id)))).filter((v) => v?.status === 'completed').length,
        {
          timeout: 20_000,
          interval: 50,
        },
      )
      .toBeGreaterThan(0);
    const pending = (await Promise.all(views.map((v) => client.get(v.id)))).filter((v) => v?.status !== 'completed');
    expect(pending.length).toBeGreaterThan(0);
    const busy = masters[0]!;
    const promoted = await cluster().failover(busy);
    expect(await cluster().masterOf(lanePrefix(PREFIX, 0))).toBe(promoted);
    expect((await cluster().cli(busy, 'ROLE')).startsWith('slave')).toBe(true);
    for (const [i, view] of views.entries()) {
      const done = await client.waitForResult(view.id, { timeoutMs: 30_000 });
      expect(done.status, `${view.id}: ${done.error ?? ''}`).toBe('completed');
      const reference = await runOrchestration(renderUserPrompt(prompts[i]!), httpEngine(engine.url, model));
      expect(done.result?.text).toBe(reference.text);
    }
    await expect.poll(() => unfinished(inspect), { timeout: 10_000 }).toBe(0);
  }, 90_000);
});
