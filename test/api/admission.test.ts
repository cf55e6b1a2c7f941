// Backpressure and cancellation without workers: the backlog only grows, so the bound is reached.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

const MAX_BACKLOG = 400;

describe('admission control and cancel', () => {
  let api: ApiProcess;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    api = await startApi(inject('redisUrl'), '{tl-api-admission}', {
      API_MAX_BACKLOG: String(MAX_BACKLOG),
      API_RATE_LIMIT_PER_SECOND: '100000',
      API_RATE_LIMIT_BURST: '100000',
      API_RETRY_AFTER_SECONDS: '3',
    });
  });
  afterAll(async () => {
    await api?.process.stop();
  });

  it('cancels a queued request, and cancelling again is a no-op', async () => {
    const submitted = await request(api.url)
      .post('/v1/reasoning')
      .set(alice)
      .send({ prompt: 'Cancel me', model: MODEL });
    const cancelled = await request(api.url).delete(`/v1/reasoning/${submitted.body.id}`).set(alice);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await request(api.url).delete(`/v1/reasoning/${submitted.body.id}`).set(alice);
    expect(again.body.status).toBe('cancelled');
    expect((await request(api.url).get(`/v1/reasoning/${submitted.body.id}`).set(alice)).body.status).toBe('cancelled');
  });

  it('accepts a JSONL batch upload and cancels it', async () => {
    const jsonl = ['First', 'Second', 'Third']
      .map((prompt, index) => JSON.stringify({ custom_id: `c${index}`, body: { prompt, model: MODEL } }))
      .join('\n');
    const created = await request(api.url)
      .post('/v1/batches')
      .set({ ...alice, 'Content-Type': 'application/jsonl' })
      .send(jsonl);
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'in_progress', request_counts: { total: 3, queued: 3 } });
    const cancelled = await request(api.url).post(`/v1/batches/${created.body.id}/cancel`).set(alice);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', request_counts: { total: 3, cancelled: 3 } });
    expect(cancelled.body.cancelled_at).not.toBeNull();
  });

  it('makes batch creation idempotent with Idempotency-Key', async () => {
    const lines = [{ custom_id: 'only', body: { prompt: 'Idempotent batch', model: MODEL } }];
    const headers = { ...alice, 'Idempotency-Key': 'batch-key-1' };
    const first = await request(api.url).post('/v1/batches').set(headers).send(lines);
    const again = await request(api.url).post('/v1/batches').set(headers).send(lines);
    expect(first.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    const conflict = await request(api.url)
      .post('/v1/batches')
      .set(headers)
      .send([{ ...lines[0], custom_id: 'other' }]);
    expect(conflict.status).toBe(409);
  });

  it('answers 1,000 concurrent submissions with 202 or 429 + Retry-After, and loses none', async () => {
    const agent = request.agent(api.url);
    const responses = await Promise.all(
      Array.from({ length: 1000 }, (_v, index) =>
        agent
          .post('/v1/reasoning')
          .set(alice)
          .send({ prompt: `Concurrent ${index}`, model: MODEL, metadata: { index: String(index) } }),
      ),
    );
    const accepted = responses.filter((response) => response.status === 202);
    const refused = responses.filter((response) => response.status === 429);
    expect(accepted.length + refused.length).toBe(1000);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThanOrEqual(MAX_BACKLOG);
    for (const response of refused) {
      expect(response.headers['retry-after']).toBe('3');
      expect(response.body.error.code).toBe('backlog_full');
    }
    const ids = new Set(accepted.map((response) => response.body.id as string));
    expect(ids.size).toBe(accepted.length);
    // Every accepted request exists and is the one that was submitted.
    const acceptedIndexes = responses.flatMap((response, index) => (response.status === 202 ? [index] : []));
    const views = await Promise.all(
      acceptedIndexes.map((index) => agent.get(`/v1/reasoning/${responses[index]!.body.id}`).set(alice)),
    );
    views.forEach((view, position) => {
      expect(view.status).toBe(200);
      expect(view.body.status).toBe('queued');
      expect(view.body.metadata).toEqual({ index: String(acceptedIndexes[position]) });
    });
    const metrics = await agent.get('/metrics');
    expect(metrics.text).toMatch(/threadloom_api_submissions_total\{outcome="backlog_full"\} \d+/);
  });
});
