// Process lifecycle: development mode without auth, and graceful shutdown with open streams.
import request from 'supertest';
import { describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi } from './support/api-stack.js';

describe('API process lifecycle', () => {
  it('runs without auth only with the explicit flag, warning at start', async () => {
    const api = await startApi(inject('redisUrl'), '{tl-api-lifecycle}', { API_KEYS: '', API_AUTH_DISABLED: 'true' });
    try {
      const response = await request(api.url).post('/v1/reasoning').send({ prompt: 'No key needed', model: MODEL });
      expect(response.status).toBe(202);
      expect(api.process.output()).toMatch(/"level":"warn".*AUTHENTICATION IS DISABLED/);
    } finally {
      await api.process.stop();
    }
  });

  it('refuses to start without keys unless the flag is set', async () => {
    const outcome = await startApi(inject('redisUrl'), '{tl-api-lifecycle}', { API_KEYS: '' }).then(
      async (api) => {
        await api.process.stop();
        return 'started';
      },
      (error: unknown) => String(error),
    );
    expect(outcome).toContain('API_KEYS: at least one key is required');
  });

  it('shuts down promptly on SIGTERM, ending open event streams', async () => {
    // A grace period far above the bound below: a prompt stop is told apart from waiting it out even on a loaded machine.
    const api = await startApi(inject('redisUrl'), '{tl-api-lifecycle}', { API_SHUTDOWN_GRACE_MS: '30000' });
    const alice = bearer(KEYS.alice);
    const submitted = await request(api.url)
      .post('/v1/reasoning')
      .set('Authorization', alice)
      .send({ prompt: 'Never runs: no workers', model: MODEL });
    // The stream is open once its headers have arrived (no fixed sleep).
    const response = await fetch(`${api.url}/v1/reasoning/${submitted.body.id}/events`, {
      headers: { Authorization: alice },
    });
    const stream = response.text().then((text) => ({ status: response.status, text }));
    const started = performance.now();
    await api.process.stop(40_000);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(10_000);
    expect(['SIGTERM', 0]).toContain(await api.process.exited);
    const { status, text } = await stream;
    expect(status).toBe(200);
    expect(text).toContain('event: queued');
  });
});
