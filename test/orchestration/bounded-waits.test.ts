// A thread that can never get one of its request's concurrency slots stops waiting (issue 12, hole 4):
// bounded by the request's deadline and by a maximum wait, then the request ends with a clear reason.
import { requestKeys } from '@threadloom/contracts';
import { renderUserPrompt } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scenario } from './support/scenarios.js';
import { startScriptedEngine, type ScriptedEngine } from './support/scripted-engine.js';
import { startWorker, type StackOptions } from './support/stack.js';
import { useWorkerHarness } from './support/worker-harness.js';

const PREFIX = '{tl-bounded}';

describe('bounded hand-backs', () => {
  const options: StackOptions = {
    redisUrl: inject('redisUrl'),
    keyPrefix: PREFIX,
    machines: 1,
    workerEnv: {
      MODEL_NAME: 'scripted',
      REASON_ATTEMPTS: '2',
      THREAD_ATTEMPTS: '2',
      JOIN_ATTEMPTS: '2',
      MAX_HANDBACK_WAIT_MS: '1500',
    },
  };
  const harness = useWorkerHarness(options.redisUrl, PREFIX, 1_000);
  let engine: ScriptedEngine;

  beforeAll(async () => {
    engine = await startScriptedEngine(scenario);
  });
  afterAll(async () => {
    await engine?.close();
  });

  /** Submits with one concurrency slot and has a holder that never lets go take it, then starts a worker. */
  async function submitBlocked(problem: string, deadlineMs?: number, workerEnv: Record<string, string> = {}) {
    const parameters = { maxConcurrentThreads: 1, ...(deadlineMs === undefined ? {} : { deadlineMs }) };
    const queued = await harness.client.submit({ prompt: renderUserPrompt(problem), model: 'scripted', parameters });
    await harness.redis.zadd(requestKeys(PREFIX, queued.id).slots, Date.now() + 3_600_000, 'holder-that-never-returns');
    const env = { ...options, workerEnv: { ...options.workerEnv, ...workerEnv } };
    harness.worker = await startWorker(env, 'm1', 'reason,thread,join', engine.url);
    return queued.id;
  }

  it('fails the request naming the slot wait once the maximum wait passes', async () => {
    const id = await submitBlocked('normal problem');
    const view = await harness.client.waitForResult(id, { timeoutMs: 20_000 });
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/concurrency slot/);
  });

  it('expires the request at its deadline while its threads wait for a slot', async () => {
    // The maximum wait is longer than the deadline here, so only the deadline can end the wait.
    const id = await submitBlocked('normal problem', 6_000, { MAX_HANDBACK_WAIT_MS: '120000' });
    const view = await harness.client.waitForResult(id, { timeoutMs: 20_000 });
    expect(view.status).toBe('expired');
  });
});
