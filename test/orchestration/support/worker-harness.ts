// One producer client, one plain Redis connection and at most one running worker per test, on a key prefix:
// the setup of the tests that start their own worker against hand-prepared Redis state.
import type { SupervisedProcess } from '@threadloom/devstack';
import { RedisReasoningClient } from '@threadloom/queue';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';

interface WorkerHarness {
  readonly client: RedisReasoningClient;
  readonly redis: Redis;
  /** The test's worker; stopped after each test. */
  worker: SupervisedProcess | undefined;
}

/** Registers the hooks: connect before all, stop the worker after each, delete the prefix's keys after all. */
export function useWorkerHarness(redisUrl: string, prefix: string, backoffMs: number): WorkerHarness {
  const state: { client?: RedisReasoningClient; redis?: Redis; worker: SupervisedProcess | undefined } = {
    worker: undefined,
  };
  beforeAll(async () => {
    const retry = { attempts: { reason: 2, thread: 2, join: 2 }, backoffMs };
    state.client = await new RedisReasoningClient({ redisUrl, keyPrefix: prefix, retry }).connect();
    state.redis = new Redis(redisUrl);
  });
  afterEach(async () => {
    await state.worker?.stop(2_000);
    state.worker = undefined;
  });
  afterAll(async () => {
    await state.client?.close();
    const keys = (await state.redis?.keys(`${prefix}*`)) ?? [];
    if (keys.length > 0) await state.redis?.del(...keys);
    state.redis?.disconnect();
  });
  return {
    get client() {
      return defined(state.client);
    },
    get redis() {
      return defined(state.redis);
    },
    get worker() {
      return state.worker;
    },
    set worker(worker) {
      state.worker = worker;
    },
  };
}

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the harness connects in beforeAll');
  return value;
}
