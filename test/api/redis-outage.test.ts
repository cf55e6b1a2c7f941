// Redis outages (issue 12, hole 9): while Redis is known down every call fails fast with 503 (never 500,
// never a multi-second wait), and the API serves again within a couple of seconds of Redis returning.
import { setTimeout as sleep } from 'node:timers/promises';
import { startRedisServer, type RunningRedis } from '@threadloom/devstack';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

describe('API during a Redis outage', () => {
  let redis: RunningRedis;
  let api: ApiProcess;
  const alice = { Authorization: bearer(KEYS.alice) };
  const submit = (prompt: string) => request(api.url).post('/v1/reasoning').set(alice).send({ prompt, model: MODEL });

  beforeAll(async () => {
    redis = await startRedisServer();
    api = await startApi(redis.url, '{tl-api-outage}');
  });
  afterAll(async () => {
    await api?.process.stop();
    await redis?.stop();
  });

  it('answers 503 fast while Redis is down and serves again soon after it returns', async () => {
    const before = await submit('Before the outage');
    expect(before.status).toBe(202);
    await redis.stop();

    const timings: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const call of [
        () => submit('During the outage'),
        () => request(api.url).get(`/v1/reasoning/${before.body.id}`).set(alice),
        () => request(api.url).get(`/v1/reasoning/${before.body.id}/events`).set(alice),
        () => request(api.url).get('/readyz'),
      ]) {
        const started = performance.now();
        const response = await call();
        timings.push(performance.now() - started);
        expect(response.status).toBe(503);
      }
    }
    // Before the fix each of these waited 2-9 s on reconnect attempts; now they fail at once.
    timings.sort((a, b) => a - b);
    expect(timings[Math.floor(timings.length / 2)]).toBeLessThan(250);
    expect(timings.at(-1)).toBeLessThan(1_500);

    redis = await startRedisServer({ port: redis.port });
    const back = performance.now();
    let status = 0;
    while (status !== 202 && performance.now() - back < 20_000) {
      status = (await submit('After the outage')).status;
      if (status !== 202) await sleep(50);
    }
    expect(status).toBe(202);
    // Reconnects are tried at least once a second (API_REDIS_RECONNECT_MAX_MS); before the fix, 19 s.
    expect(performance.now() - back).toBeLessThan(5_000);
    expect((await request(api.url).get('/readyz')).status).toBe(200);
  });
});
