// What can never fit the served model's context is refused at submit (issue 12, hole 6): a 400 that
// names the limit, instead of an accepted request that fails after doing work.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../orchestration/support/stack.js';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

const CONTEXT = 2_048;

describe('served context at submit', () => {
  let stack: Stack;
  let api: ApiProcess;
  const alice = { Authorization: bearer(KEYS.alice) };

  beforeAll(async () => {
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-context}',
      machines: 1,
      maxModelLen: CONTEXT,
    });
    api = await startApi(inject('redisUrl'), '{tl-context}');
  });
  afterAll(async () => {
    await api?.process.stop();
    await stack?.stop();
  });

  it('refuses max_tokens above the served context, naming the limit', async () => {
    const response = await request(api.url)
      .post('/v1/reasoning')
      .set(alice)
      .send({ prompt: 'What is 2+2?', model: MODEL, max_tokens: 100_000 });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe('max_tokens');
    expect(response.body.error.message).toContain(String(CONTEXT));
  });

  it('refuses a prompt longer than the served context, naming the limit', async () => {
    const prompt = Array.from({ length: 3_000 }, (_, i) => `word${i}`).join(' ');
    const response = await request(api.url).post('/v1/reasoning').set(alice).send({ prompt, model: MODEL });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe('prompt');
    expect(response.body.error.message).toContain(String(CONTEXT));
  });

  it('refuses the same through the OpenAI facade', async () => {
    const response = await request(api.url)
      .post('/v1/chat/completions')
      .set(alice)
      .send({ model: MODEL, messages: [{ role: 'user', content: 'hi' }], max_tokens: 100_000 });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(String(CONTEXT));
  });

  it('refuses a batch with a line that cannot fit before submitting any of it, naming the line', async () => {
    const line = (custom_id: string, max_tokens: number) => ({
      custom_id,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: MODEL, messages: [{ role: 'user', content: 'What is 2+2?' }], max_tokens },
    });
    const response = await request(api.url)
      .post('/v1/batches')
      .set(alice)
      .send([line('fits', 1_000), line('too-big', 100_000)]);
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe('[1].body.max_tokens');
    expect(response.body.error.message).toContain(String(CONTEXT));
    const listed = await request(api.url).get('/v1/batches').set(alice);
    expect(listed.body.data).toEqual([]);
  });

  it('refuses a rollout job whose budget cannot fit, naming the limit', async () => {
    const response = await request(api.url)
      .post('/v1/rollouts')
      .set(alice)
      .send({ problems: [{ problem: 'What is 2+2?', ground_truth: '4' }], k: 2, max_tokens: 100_000 });
    expect(response.status).toBe(400);
    expect(response.body.error.param).toBe('problems[0].max_tokens');
    expect(response.body.error.message).toContain(String(CONTEXT));
  });

  it('accepts what fits', async () => {
    const response = await request(api.url)
      .post('/v1/reasoning')
      .set(alice)
      .send({ prompt: 'What is 2+2?', model: MODEL, max_tokens: 1_000 });
    expect(response.status).toBe(202);
  });
});
