// Redis going away and coming back: readiness reflects it, calls answer 503 (never hang or 500).
import { setTimeout as sleep } from 'node:timers/promises';
import { startRedisServer, type RunningRedis } from '@threadloom/devstack';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

describe('API while Redis is unavailable', () => {
  let redis: RunningRedis;
  let api: ApiProcess;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    // A private Redis this test may stop without disturbing the others.
    redis = await startRedisServer();
    api = await startApi(redis.url, '{tl-api-resilience}');
  });
  afterAll(async () => {
    await api?.process.stop();
    await redis?.stop();
  });

  it('reports not ready and answers 503 runtime_unavailable with Retry-After', async () => {
    const submitted = await request(api.url)
      .post('/v1/reasoning')
      .set(alice)
      .send({ prompt: 'Before the outage', model: MODEL });
    expect(submitted.status).toBe(202);
    await redis.stop();

    const ready = await request(api.url).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('unavailable');
    expect((await request(api.url).get('/healthz')).status).toBe(200);

    const started = performance.now();
    const submit = await request(api.url)
      .post('/v1/reasoning')
      .set(alice)
      .send({ prompt: 'During the outage', model: MODEL });
    expect(submit.status).toBe(503);
    expect(submit.body.error.code).toBe('runtime_unavailable');
    expect(submit.headers['retry-after']).toBe('5');
    const read = await request(api.url).get(`/v1/reasoning/${submitted.body.id}`).set(alice);
    expect(read.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('recovers when Redis is back', async () => {
    redis = await startRedisServer({ port: redis.port });
    // Every connection reconnects on its own backoff, so readiness and submissions recover eventually, not at once.
    const ready = await pollStatus(() => request(api.url).get('/readyz'), 200);
    expect(ready).toBe(200);
    const submitted = await pollStatus(
      () => request(api.url).post('/v1/reasoning').set(alice).send({ prompt: 'After the outage', model: MODEL }),
      202,
    );
    expect(submitted).toBe(202);
  });
});

async function pollStatus(
  send: () => PromiseLike<{ status: number }>,
  wanted: number,
  timeoutMs = 15_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await send()).status;
    if (status === wanted) break;
    await sleep(200);
  }
  return status;
}
