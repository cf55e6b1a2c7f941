// A draining worker leaves the engine-load table at SIGTERM, not after its drain, so other machines stop
// routing engine calls to it while its own in-flight work finishes.
import { engineLoadKey } from '@threadloom/contracts';
import type { SupervisedProcess } from '@threadloom/devstack';
import { RedisReasoningClient } from '@threadloom/queue';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { firstEvent } from './support/events.js';
import { problemSet } from './support/problems.js';
import { startSim, startWorker, type StackOptions } from './support/stack.js';

const PREFIX = '{tl-drain-placement}';

describe('a draining worker and placement', () => {
  const problems = problemSet(1);
  const options: StackOptions = { redisUrl: inject('redisUrl'), keyPrefix: PREFIX, machines: 1 };
  const processes: SupervisedProcess[] = [];
  let client: RedisReasoningClient;
  let redis: Redis;

  beforeAll(async () => {
    // Real-time decoding, so the drain lasts seconds.
    const { sim, url } = await startSim({ timeScale: 1, maxRunning: 4, corpus: problems.corpus });
    processes.push(sim);
    const workerEnv = { ENGINE_MAX_SEQS: '4', ENGINE_LOAD_POLL_MS: '20', SHUTDOWN_GRACE_MS: '60000' };
    processes.push(await startWorker({ ...options, workerEnv }, 'm1', 'reason,thread', url));
    processes.push(await startWorker(options, 'join1', 'join'));
    client = await new RedisReasoningClient({ redisUrl: options.redisUrl, keyPrefix: PREFIX }).connect();
    redis = new Redis(options.redisUrl);
  });
  afterAll(async () => {
    await client?.close();
    redis?.disconnect();
    await Promise.all(processes.map((child) => child.stop(2_000)));
  });

  /** The request's events stored so far (its stream stays open while it runs). */
  async function eventTypesSoFar(id: string): Promise<string[]> {
    const types: string[] = [];
    const signal = AbortSignal.timeout(500);
    try {
      for await (const event of client.events(id, { signal })) types.push(event.type);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
    return types;
  }

  it('withdraws its engine at once and keeps draining', async () => {
    await expect.poll(() => redis.hexists(engineLoadKey(PREFIX), 'm1'), { timeout: 10_000 }).toBe(1);
    const view = await client.submit({ prompt: problems.prompts[0]!, model: 'threadweaver-sim' });
    await firstEvent(client, [view.id], (event) => event.type === 'step_started');
    const worker = processes[1]!;
    worker.child.kill('SIGTERM');
    await expect.poll(() => redis.hexists(engineLoadKey(PREFIX), 'm1'), { timeout: 5_000, interval: 10 }).toBe(0);
    // Gone from the table while the step it drains is still decoding (seconds at time scale 1).
    expect(await eventTypesSoFar(view.id)).not.toContain('step_finished');
    await worker.exited;
    expect(await eventTypesSoFar(view.id)).toContain('step_finished');
  });
});
