// Event streams (issue 12, hole 5): a finished request's stream ends after its replay (`$` included),
// live streams share one Redis reader per process and are capped with a clear 429, and an invalid
// resume id is a 400.
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';
import { readSse } from './support/sse.js';

const STREAMS = 1_000;
const alice = { Authorization: bearer(KEYS.alice) };

describe('event streams', () => {
  let api: ApiProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(inject('redisUrl'));
    // No workers on this prefix: a submitted request stays queued (live) until cancelled.
    api = await startApi(inject('redisUrl'), '{tl-api-streams}', {
      API_RATE_LIMIT_PER_SECOND: '100000',
      API_RATE_LIMIT_BURST: '100000',
      API_MAX_EVENT_STREAMS_PER_KEY: String(STREAMS),
      API_MAX_EVENT_STREAMS: String(STREAMS),
    });
  });
  afterAll(async () => {
    await api?.process.stop();
    redis?.disconnect();
  });

  const submit = async (prompt: string): Promise<string> => {
    const submitted = await request(api.url).post('/v1/reasoning').set(alice).send({ prompt, model: MODEL });
    expect(submitted.status).toBe(202);
    return submitted.body.id as string;
  };

  it('refuses an invalid resume id with 400 naming the header or parameter', async () => {
    const id = await submit('Invalid cursors');
    for (const bad of ['abc', '-', '1-1-1', '1-', '$$']) {
      const byHeader = await request(api.url).get(`/v1/reasoning/${id}/events`).set(alice).set('Last-Event-ID', bad);
      expect(byHeader.status, bad).toBe(400);
      expect(byHeader.body.error.param).toBe('Last-Event-ID');
      const byQuery = await request(api.url).get(`/v1/reasoning/${id}/events`).query({ after: bad }).set(alice);
      expect(byQuery.status, bad).toBe(400);
      expect(byQuery.body.error.param).toBe('after');
    }
  });

  it('ends the stream of a finished request after replaying it, also from $', async () => {
    const id = await submit('Finished before anyone listens');
    expect((await request(api.url).delete(`/v1/reasoning/${id}`).set(alice)).body.status).toBe('cancelled');
    const url = `${api.url}/v1/reasoning/${id}/events`;
    // readSse resolves only when the server ends the stream; a stream left open would time the test out.
    const full = await readSse(url, alice);
    expect(full.messages.map((message) => message.event)).toEqual(['queued', 'cancelled']);
    const fromNow = await readSse(url, { ...alice, 'Last-Event-ID': '$' });
    expect(fromNow).toEqual({ status: 200, messages: [] });
    expect((await readSse(`${url}?after=$`, alice)).messages).toEqual([]);
    const afterFirst = await readSse(url, { ...alice, 'Last-Event-ID': full.messages[0]!.id! });
    expect(afterFirst.messages.map((message) => message.event)).toEqual(['cancelled']);
  });

  it(`serves ${STREAMS} live streams of one key over a handful of Redis clients, then answers 429`, async () => {
    const id = await submit('Watched by many');
    const before = await connectedClients(redis);
    const controller = new AbortController();
    const opened = await Promise.all(
      Array.from({ length: STREAMS }, () =>
        fetch(`${api.url}/v1/reasoning/${id}/events`, { headers: alice, signal: controller.signal }),
      ),
    );
    try {
      expect(opened.filter((response) => response.status === 200)).toHaveLength(STREAMS);
      const during = await connectedClients(redis);
      // One shared blocking reader (plus at most a reconnect) instead of one client per stream.
      expect(during - before).toBeLessThanOrEqual(3);

      const overKey = await request(api.url).get(`/v1/reasoning/${id}/events`).set(alice);
      expect(overKey.status).toBe(429);
      expect(overKey.body.error.code).toBe('too_many_streams');
      expect(overKey.headers['retry-after']).toMatch(/^\d+$/);
      const overProcess = await request(api.url)
        .get(`/v1/reasoning/${id}/events`)
        .set('Authorization', bearer(KEYS.bob));
      expect(overProcess.status).toBe(429);
      expect(overProcess.body.error.message).toContain('process');

      // The live streams still deliver: cancelling the request ends every one of them.
      await request(api.url).delete(`/v1/reasoning/${id}`).set(alice);
      const ends = await Promise.all(opened.slice(0, 20).map((response) => response.text()));
      for (const text of ends) expect(text).toContain('event: cancelled');
    } finally {
      controller.abort();
    }
    // Ended streams free their slots (each as its response closes).
    let again = await readSse(`${api.url}/v1/reasoning/${id}/events`, alice);
    for (let tries = 0; again.status === 429 && tries < 50; tries += 1) {
      await sleep(200);
      again = await readSse(`${api.url}/v1/reasoning/${id}/events`, alice);
    }
    expect(again.status).toBe(200);
    expect(again.messages.at(-1)?.event).toBe('cancelled');
  });
});

async function connectedClients(redis: Redis): Promise<number> {
  const info = await redis.info('clients');
  return Number(/connected_clients:(\d+)/.exec(info)?.[1]);
}
