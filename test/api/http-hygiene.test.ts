// HTTP hygiene (issue 12, hole 11): security headers everywhere, Bull Board closed in no-auth mode,
// preflights and an explicit CORS allow-list, strict Authorization parsing, Content-Encoding errors,
// and a caller leaving a completion is not an unhandled error.
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

const PREFIX = '{tl-api-hygiene}';
const APP_ORIGIN = 'https://app.example.com';

describe('HTTP hygiene', () => {
  let api: ApiProcess;
  let open: ApiProcess;
  let openWithBoard: ApiProcess;

  beforeAll(async () => {
    const redisUrl = inject('redisUrl');
    api = await startApi(redisUrl, PREFIX, { LOG_LEVEL: 'info' });
    open = await startApi(redisUrl, PREFIX, { API_KEYS: '', API_AUTH_DISABLED: 'true' });
    openWithBoard = await startApi(redisUrl, PREFIX, {
      API_KEYS: '',
      API_AUTH_DISABLED: 'true',
      API_ADMIN_UI_WITHOUT_AUTH: 'true',
      API_CORS_ORIGINS: `${APP_ORIGIN}, http://localhost:5173`,
    });
  });
  afterAll(async () => {
    await Promise.all([api, open, openWithBoard].map((running) => running?.process.stop()));
  });

  it('sends security headers and no X-Powered-By on JSON, docs and the Bull Board HTML', async () => {
    const responses = [
      await request(api.url).get('/healthz'),
      await request(api.url).get('/v1/models'),
      await request(api.url).get('/docs/'),
      await request(api.url).get('/admin/queues').set('Authorization', bearer(KEYS.admin)),
      await request(api.url).get('/no/such/path'),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 401, 200, 200, 404]);
    expect(responses[3]!.text).toContain('<html');
    for (const [index, response] of responses.entries()) {
      expect(response.headers['x-powered-by'], `response ${index}`).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('does not serve Bull Board without keys unless explicitly allowed', async () => {
    const refused = await request(open.url).get('/admin/queues');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('admin_ui_disabled');
    expect(refused.body.error.message).toContain('API_ADMIN_UI_WITHOUT_AUTH');
    expect((await request(open.url).get('/admin/queues/api/queues')).status).toBe(403);
    const allowed = await request(openWithBoard.url).get('/admin/queues');
    expect(allowed.status).toBe(200);
    expect(allowed.headers['x-powered-by']).toBeUndefined();
  });

  it('answers preflights with 204 and grants CORS only to listed origins', async () => {
    const preflight = (url: string, origin: string) =>
      request(url)
        .options('/v1/reasoning')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization, content-type');
    const off = await preflight(api.url, APP_ORIGIN);
    expect(off.status).toBe(204);
    expect(off.headers['allow']).toContain('POST');
    expect(off.headers['access-control-allow-origin']).toBeUndefined();

    const listed = await preflight(openWithBoard.url, APP_ORIGIN);
    expect(listed.status).toBe(204);
    expect(listed.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(listed.headers['access-control-allow-headers']).toContain('Authorization');
    expect(listed.headers['access-control-allow-methods']).toContain('POST');
    const stranger = await preflight(openWithBoard.url, 'https://evil.example.net');
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();

    const read = await request(openWithBoard.url).get('/v1/models').set('Origin', APP_ORIGIN);
    expect(read.status).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(read.headers['access-control-expose-headers']).toContain('Retry-After');
    const plain = await request(api.url).get('/healthz').set('Origin', APP_ORIGIN);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses an Authorization header with anything after the key', async () => {
    expect((await request(api.url).get('/v1/models').set('Authorization', bearer(KEYS.alice))).status).toBe(200);
    for (const header of [`Bearer ${KEYS.alice} junk`, `Bearer ${KEYS.alice} ${KEYS.alice}`, `Bearer  `]) {
      const response = await request(api.url).get('/v1/models').set('Authorization', header);
      expect(response.status, header).toBe(401);
    }
  });

  it('answers an unknown Content-Encoding with a 415 about the encoding, and decodes gzip', async () => {
    const body = JSON.stringify({ prompt: 'Encoded', model: MODEL });
    const post = () =>
      request(api.url)
        .post('/v1/reasoning')
        .set('Authorization', bearer(KEYS.alice))
        .set('Content-Type', 'application/json');
    const unknown = await post().set('Content-Encoding', 'rot13').send(body);
    expect(unknown.status).toBe(415);
    expect(unknown.body.error.code).toBe('unsupported_content_encoding');
    expect(unknown.body.error.message).toMatch(/^Content-Encoding 'rot13' is not supported/);
    expect(unknown.body.error.message).not.toContain('Content-Type');

    const garbled = await post().set('Content-Encoding', 'gzip').send(body);
    expect(garbled.status).toBe(400);
    expect(garbled.body.error.message).toContain('not valid gzip data');
    const gzipped = await fetch(`${api.url}/v1/reasoning`, {
      method: 'POST',
      headers: { Authorization: bearer(KEYS.alice), 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: gzipSync(body),
    });
    expect(gzipped.status).toBe(202);
  });

  it('does not log a caller leaving a chat completion as an unhandled error', async () => {
    // No workers run on this prefix, so every completion waits until its caller gives up.
    for (const stream of [false, true]) {
      const controller = new AbortController();
      const response = await fetch(`${api.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { Authorization: bearer(KEYS.alice), 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: MODEL, stream, messages: [{ role: 'user', content: 'Leave early' }] }),
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(1_000)]),
      }).catch((error: unknown) => error);
      if (response instanceof Response) controller.abort(); // streaming: headers came, then the caller leaves
    }
    // The API notices each departure within one wait poll; give it a moment, then read its whole log.
    await sleep(1_500);
    const log = api.process.output();
    expect(log).not.toContain('unhandled error');
    expect(log).not.toMatch(/AbortError|\n\s+at /);
    expect((await request(api.url).get('/healthz')).status).toBe(200);
  });
});
