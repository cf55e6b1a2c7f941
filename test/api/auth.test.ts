// The auth matrix (none, wrong, other tenant, scope, admin), rate limits and the public endpoints.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

describe('authentication and authorization', () => {
  let api: ApiProcess;
  let aliceRequest: string;
  const body = { prompt: 'What is 2+2?', model: MODEL };

  beforeAll(async () => {
    // No workers: requests stay queued, which is all these tests need.
    api = await startApi(inject('redisUrl'), '{tl-api-auth}');
    const submitted = await request(api.url).post('/v1/reasoning').set('Authorization', bearer(KEYS.alice)).send(body);
    aliceRequest = submitted.body.id;
  });
  afterAll(async () => {
    await api?.process.stop();
  });

  it('answers 401 without a key and with a wrong key', async () => {
    const none = await request(api.url).post('/v1/reasoning').send(body);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect(none.body.error.type).toBe('authentication_error');
    const wrong = await request(api.url)
      .get(`/v1/reasoning/${aliceRequest}`)
      .set('Authorization', bearer('tl-not-a-key'));
    expect(wrong.status).toBe(401);
    const malformed = await request(api.url).get('/v1/models').set('Authorization', 'Token abc');
    expect(malformed.status).toBe(401);
  });

  it('answers 403 when the key lacks the scope', async () => {
    const submit = await request(api.url).post('/v1/reasoning').set('Authorization', bearer(KEYS.reader)).send(body);
    expect(submit.status).toBe(403);
    expect(submit.body.error).toMatchObject({ type: 'permission_error', code: 'missing_scope' });
    const cancel = await request(api.url)
      .delete(`/v1/reasoning/${aliceRequest}`)
      .set('Authorization', bearer(KEYS.reader));
    expect(cancel.status).toBe(403);
    // The same tenant with the read scope may read.
    const read = await request(api.url).get(`/v1/reasoning/${aliceRequest}`).set('Authorization', bearer(KEYS.reader));
    expect(read.status).toBe(200);
  });

  it("answers 404 for another tenant's request, exactly as for a missing one", async () => {
    for (const path of [`/v1/reasoning/${aliceRequest}`, `/v1/reasoning/${aliceRequest}/events`]) {
      const other = await request(api.url).get(path).set('Authorization', bearer(KEYS.bob));
      expect(other.status, path).toBe(404);
    }
    const cancel = await request(api.url)
      .delete(`/v1/reasoning/${aliceRequest}`)
      .set('Authorization', bearer(KEYS.bob));
    expect(cancel.status).toBe(404);
    const missing = await request(api.url)
      .get('/v1/reasoning/00000000-0000-0000-0000-000000000000')
      .set('Authorization', bearer(KEYS.bob));
    expect(missing.status).toBe(404);
    expect(missing.body.error.message.replace(/'.*'/, '')).toBe(
      (
        await request(api.url).get(`/v1/reasoning/${aliceRequest}`).set('Authorization', bearer(KEYS.bob))
      ).body.error.message.replace(/'.*'/, ''),
    );
  });

  it('opens Bull Board to admin keys only (Bearer, or Basic for browsers)', async () => {
    const anonymous = await request(api.url).get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Basic');
    expect((await request(api.url).get('/admin/queues').set('Authorization', bearer(KEYS.alice))).status).toBe(403);
    const admin = await request(api.url).get('/admin/queues').set('Authorization', bearer(KEYS.admin));
    expect(admin.status).toBe(200);
    expect(admin.text).toContain('<html');
    const basic = await request(api.url).get('/admin/queues/api/queues').auth('admin', KEYS.admin);
    expect(basic.status).toBe(200);
    expect(JSON.stringify(basic.body)).toContain('reason');
  });

  it('rate-limits per key with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 205; i += 1) {
      const response = await request(api.url).get('/v1/models').set('Authorization', bearer(KEYS.throttled));
      statuses.push(response.status);
      retryAfter ??= response.headers['retry-after'];
      if (response.status === 429) break;
    }
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Other keys are unaffected.
    expect((await request(api.url).get('/v1/models').set('Authorization', bearer(KEYS.alice))).status).toBe(200);
  });

  it("shares a key's rate limit across API replicas", async () => {
    const second = await startApi(inject('redisUrl'), '{tl-api-auth}');
    try {
      const urls = [api.url, second.url];
      let firstRefusal = -1;
      for (let i = 0; i < 260 && firstRefusal < 0; i += 1) {
        const response = await request(urls[i % 2]!)
          .get('/v1/models')
          .set('Authorization', bearer(KEYS.shared));
        if (response.status === 429) firstRefusal = i;
      }
      // One bucket of 200 (the burst) for both processes, not 200 each.
      expect(firstRefusal).toBe(200);
    } finally {
      await second.process.stop();
    }
  });

  it('serves health, readiness, metrics and the OpenAPI document without a key', async () => {
    expect((await request(api.url).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(api.url).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ redis: 'up', queues: { reason: expect.any(Number) } });
    const metrics = await request(api.url).get('/metrics');
    expect(metrics.text).toContain('threadloom_api_http_requests_total');
    expect(metrics.text).toContain('threadloom_api_submissions_total{outcome="accepted"}');
    const doc = await request(api.url).get('/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/reasoning',
        '/v1/reasoning/{id}/events',
        '/v1/batches',
        '/v1/chat/completions',
        '/v1/models',
        '/readyz',
      ]),
    );
    expect(
      doc.body.paths['/v1/reasoning'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('max_tokens_per_thread');
    expect((await request(api.url).get('/docs')).status).toBe(200);
  });

  it('echoes request ids for log correlation', async () => {
    const response = await request(api.url).get('/healthz').set('X-Request-Id', 'trace-abc-123');
    expect(response.headers['x-request-id']).toBe('trace-abc-123');
  });
});
