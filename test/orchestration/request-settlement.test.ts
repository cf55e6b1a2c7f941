// Every request reaches a terminal state (issue 12, hole 1): a sequential step's or a join's final failure
// outside the engine path settles its request, and the reaper settles a request whose jobs are gone.
import { renderUserPrompt } from '@threadloom/threading';
import { jobIds, requestKeys, threadField } from '@threadloom/contracts';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, inject, it } from 'vitest';
import { scenario } from './support/scenarios.js';
import { startScriptedEngine } from './support/scripted-engine.js';
import { startWorker, type StackOptions } from './support/stack.js';
import { useWorkerHarness } from './support/worker-harness.js';

const PREFIX = '{tl-settle}';
/** Never called: these requests fail before any engine call. */
const NO_ENGINE = 'http://127.0.0.1:9';

describe('requests always settle', () => {
  const options: StackOptions = {
    redisUrl: inject('redisUrl'),
    keyPrefix: PREFIX,
    machines: 1,
    workerEnv: {
      REASON_ATTEMPTS: '2',
      THREAD_ATTEMPTS: '2',
      JOIN_ATTEMPTS: '2',
      REAPER_GRACE_MS: '1000',
      REAPER_INTERVAL_MS: '250',
    },
  };
  const harness = useWorkerHarness(options.redisUrl, PREFIX, 20);

  const submit = (problem: string) =>
    harness.client.submit({ prompt: renderUserPrompt(problem), model: 'threadweaver-sim' });

  it('a sequential step that fails before its error handling fails the request, naming why', async () => {
    const queued = await submit('unreadable checkpoint');
    await harness.redis.set(requestKeys(PREFIX, queued.id).checkpoint, '{not json');
    harness.worker = await startWorker(options, 'm1', 'reason,thread,join', NO_ENGINE);
    const view = await harness.client.waitForResult(queued.id, { timeoutMs: 15_000 });
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/sequential step/);
  });

  it('a join that fails on every attempt fails the request, naming the join', async () => {
    const engine = await startScriptedEngine(scenario);
    try {
      // No join worker yet: the block's three threads are decoded and stored, and the join waits in its queue.
      const scripted = { ...options, workerEnv: { ...options.workerEnv, MODEL_NAME: 'scripted' } };
      harness.worker = await startWorker(scripted, 'm1', 'reason,thread', engine.url);
      const queued = await harness.client.submit({ prompt: renderUserPrompt('normal problem'), model: 'scripted' });
      const threads = requestKeys(PREFIX, queued.id).threads;
      while ((await harness.redis.hlen(threads)) < 3) await sleep(50);
      await harness.worker.stop(2_000);
      // A stored thread the join cannot read: it throws before its own handling, on both attempts.
      await harness.redis.hset(threads, threadField(0, 0), '{not json');
      harness.worker = await startWorker(scripted, 'j1', 'join');
      const view = await harness.client.waitForResult(queued.id, { timeoutMs: 15_000 });
      expect(view.status).toBe('failed');
      expect(view.errorCode).toBe('internal_error');
      expect(view.error).toMatch(/^join failed after 2 attempt\(s\)/);
    } finally {
      await engine.close();
    }
  });

  it('the reaper fails a request whose job no longer exists', async () => {
    const queued = await submit('lost job');
    const reason = new Queue('reason', { connection: harness.redis, prefix: PREFIX });
    expect(await reason.remove(jobIds.reason(queued.id, 0))).toBe(1);
    await reason.close();
    harness.worker = await startWorker(options, 'm1', 'reason,thread,join', NO_ENGINE);
    const view = await harness.client.waitForResult(queued.id, { timeoutMs: 15_000 });
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/no longer exists/);
    expect(await harness.redis.zscore(`${PREFIX}:live`, queued.id)).toBeNull();
  });

  it('a request the reaper cannot read does not stop it settling the ones after it', async () => {
    const damaged = await submit('damaged record');
    const lost = await submit('lost job behind it');
    // A record that is not a hash: every read of it fails (WRONGTYPE), on every round.
    await harness.redis.del(requestKeys(PREFIX, damaged.id).record);
    await harness.redis.set(requestKeys(PREFIX, damaged.id).record, 'not a hash');
    const reason = new Queue('reason', { connection: harness.redis, prefix: PREFIX });
    await reason.remove(jobIds.reason(damaged.id, 0));
    expect(await reason.remove(jobIds.reason(lost.id, 0))).toBe(1);
    await reason.close();
    harness.worker = await startWorker(options, 'm1', 'reason,thread,join', NO_ENGINE);
    const view = await harness.client.waitForResult(lost.id, { timeoutMs: 15_000 });
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/no longer exists/);
    expect(harness.worker.output()).toMatch(/request\(s\) not settled this round: request [^:]+: WRONGTYPE/);
    await harness.redis.zrem(`${PREFIX}:live`, damaged.id);
  });

  it('a request whose next job still waits in its queue expires at its deadline, not when the job runs', async () => {
    // No worker takes reason jobs: the first step waits in its queue past the deadline.
    harness.worker = await startWorker(
      { ...options, workerEnv: { ...options.workerEnv, DEADLINE_SWEEP_MS: '200' } },
      'j1',
      'join',
    );
    const submittedAt = Date.now();
    const queued = await harness.client.submit({
      prompt: renderUserPrompt('deadline while queued'),
      model: 'threadweaver-sim',
      parameters: { deadlineMs: 1_000 },
    });
    const view = await harness.client.waitForResult(queued.id, { timeoutMs: 15_000 });
    const settledAfterMs = Date.now() - submittedAt;
    expect(view.status).toBe('expired');
    expect(view.errorCode).toBe('deadline_exceeded');
    // The sweep runs every 200 ms: settled within a second of the deadline on a loaded machine.
    expect(settledAfterMs).toBeLessThan(2_000);
    const reason = new Queue('reason', { connection: harness.redis, prefix: PREFIX });
    expect(await reason.getJobState(jobIds.reason(queued.id, 0))).toBe('waiting');
    await reason.close();
    expect(await harness.redis.zscore(`${PREFIX}:deadlines`, queued.id)).toBeNull();
  });
});
