// Submit → events → result through the API process, against real workers and simulated machines.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApiStack, type ApiStack } from './support/api-stack.js';
import { FIGURE6 } from '../support/figure6.js';
import { readSse } from './support/sse.js';

describe('reasoning API on the distributed runtime', () => {
  let env: ApiStack;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    env = await startApiStack({ redisUrl: inject('redisUrl'), keyPrefix: '{tl-api-reasoning}', machines: 2 });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('runs the Figure-6 problem: 202 with links, SSE events in order, then exactly the canonical text', async () => {
    const submitted = await request(env.api.url)
      .post('/v1/reasoning')
      .set(alice)
      .send({ messages: [{ role: 'user', content: FIGURE6.problem }], model: MODEL, metadata: { case: 'fig6' } });
    expect(submitted.status).toBe(202);
    expect(submitted.body).toMatchObject({
      object: 'reasoning.request',
      status: 'queued',
      links: { self: `/v1/reasoning/${submitted.body.id}`, events: `/v1/reasoning/${submitted.body.id}/events` },
    });
    expect(submitted.headers['location']).toBe(submitted.body.links.self);

    const { status, messages } = await readSse(`${env.api.url}${submitted.body.links.events}`, alice);
    expect(status).toBe(200);
    const types = messages.map((message) => message.event);
    expect(types[0]).toBe('queued');
    expect(types.at(-1)).toBe('completed');
    for (const type of ['step_started', 'step_finished', 'fork', 'thread_started', 'thread_finished', 'join'])
      expect(types).toContain(type);
    expect(types.filter((type) => type === 'join')).toHaveLength(2);

    const done = await request(env.api.url).get(submitted.body.links.self).set(alice);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.result.text).toBe(FIGURE6.assistant);
    expect(done.body.result.answer).toBe('5');
    expect(done.body.metadata).toEqual({ case: 'fig6' });
    expect(done.body.result.blocks).toHaveLength(2);
    const thread = done.body.result.blocks[0].threads[0];
    for (const field of [
      'completionTokens',
      'cachedTokens',
      'queueWaitMs',
      'timeToFirstTokenMs',
      'decodeMs',
      'machine',
    ])
      expect(thread).toHaveProperty(field);
    expect(done.body.result.metrics.criticalPathTokens).toBeLessThan(done.body.result.metrics.completionTokens);

    // Resuming with Last-Event-ID replays exactly the events after it.
    const resumed = await readSse(`${env.api.url}${submitted.body.links.events}`, {
      ...alice,
      'Last-Event-ID': messages[2]!.id!,
    });
    expect(resumed.messages.map((message) => message.id)).toEqual(messages.slice(3).map((message) => message.id));
  });

  it('honours Idempotency-Key: same body → same request, different body → 409', async () => {
    const body = { prompt: 'What is 6 times 7?', model: MODEL, max_tokens: 256 };
    const headers = { ...alice, 'Idempotency-Key': 'reasoning-test-key-1' };
    const first = await request(env.api.url).post('/v1/reasoning').set(headers).send(body);
    const again = await request(env.api.url).post('/v1/reasoning').set(headers).send(body);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    const conflict = await request(env.api.url)
      .post('/v1/reasoning')
      .set(headers)
      .send({ ...body, max_tokens: 257 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'idempotency_conflict', param: 'Idempotency-Key' });
    // The same key under another tenant is another request.
    const bob = await request(env.api.url)
      .post('/v1/reasoning')
      .set({ Authorization: bearer(KEYS.bob), 'Idempotency-Key': 'reasoning-test-key-1' })
      .send(body);
    expect(bob.status).toBe(202);
    expect(bob.body.id).not.toBe(first.body.id);
  });
});
