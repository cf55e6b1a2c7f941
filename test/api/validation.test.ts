// Every class of bad input gets a 4xx that names the field and the rule — never a 500.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

const LIMITS = {
  API_MAX_PROMPT_CHARS: '2000',
  API_MAX_MESSAGES: '4',
  API_MAX_TOKENS: '50000',
  API_MAX_BATCH_SIZE: '3',
  API_MAX_BODY_BYTES: '8192',
};

describe('request validation', () => {
  let api: ApiProcess;
  const alice = { Authorization: bearer(KEYS.alice) };
  const prompt = { prompt: 'What is 2+2?', model: MODEL };

  beforeAll(async () => {
    api = await startApi(inject('redisUrl'), '{tl-api-validation}', LIMITS);
  });
  afterAll(async () => {
    await api?.process.stop();
  });

  const cases: readonly [string, Record<string, unknown>, string, string][] = [
    ['an unknown field', { ...prompt, temprature: 0.5 }, 'temprature', 'unknown_field'],
    ['a wrong type', { ...prompt, temperature: 'hot' }, 'temperature', 'type'],
    ['a value above its maximum', { ...prompt, top_p: 1.5 }, 'top_p', 'maximum'],
    ["top_k below vLLM's -1", { ...prompt, top_k: -2 }, 'top_k', 'minimum'],
    ['min_p above 1', { ...prompt, min_p: 1.5 }, 'min_p', 'maximum'],
    ['a zero repetition_penalty', { ...prompt, repetition_penalty: 0 }, 'repetition_penalty', 'minimum'],
    ['a value below its minimum', { ...prompt, priority: 0 }, 'priority', 'minimum'],
    ['a non-integer', { ...prompt, seed: 1.5 }, 'seed', 'type'],
    ['a value outside an enum', { ...prompt, mode: 'turbo' }, 'mode', 'enum'],
    [
      'both messages and prompt',
      { ...prompt, messages: [{ role: 'user', content: 'x' }] },
      'messages',
      'exactly_one_of',
    ],
    ['neither messages nor prompt', { model: MODEL }, 'messages', 'exactly_one_of'],
    ['an unknown model', { ...prompt, model: 'gpt-9' }, 'model', 'known_model'],
    ['a bad message role', { messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role', 'enum'],
    [
      'an unknown message field',
      { messages: [{ role: 'user', content: 'x', extra: 1 }] },
      'messages[0].extra',
      'unknown_field',
    ],
    ['a prompt over the length limit', { prompt: 'x'.repeat(2001) }, 'prompt', 'maximum'],
    [
      'messages over the total length limit',
      {
        messages: [
          { role: 'user', content: 'x'.repeat(1500) },
          { role: 'user', content: 'y'.repeat(1500) },
        ],
      },
      'messages',
      'max_prompt_chars',
    ],
    [
      'too many messages',
      { messages: Array.from({ length: 5 }, () => ({ role: 'user', content: 'x' })) },
      'messages',
      'maximum',
    ],
    ['a token budget over the limit', { ...prompt, max_tokens: 50_001 }, 'max_tokens', 'maximum'],
    ['a per-thread budget of zero', { ...prompt, max_tokens_per_thread: 0 }, 'max_tokens_per_thread', 'minimum'],
    [
      'too many metadata keys',
      { ...prompt, metadata: Object.fromEntries(Array.from({ length: 17 }, (_v, i) => [`k${i}`, 'v'])) },
      'metadata',
      'max_keys',
    ],
    ['a JSON array instead of an object', [] as unknown as Record<string, unknown>, 'body', 'type'],
  ];

  it.each(cases)('rejects %s with 400 naming the field and rule', async (_name, body, field, rule) => {
    const response = await request(api.url).post('/v1/reasoning').set(alice).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'validation_failed' });
    expect(response.body.error.issues).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const response = await request(api.url)
      .post('/v1/reasoning')
      .set({ ...alice, 'Idempotency-Key': 'has spaces' })
      .send(prompt);
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toContainEqual(
      expect.objectContaining({ field: 'Idempotency-Key', rule: 'format' }),
    );
  });

  it('answers malformed JSON with 400, never 500', async () => {
    for (const raw of ['{"prompt": ', '{prompt: 1}', '"just a string"', 'null']) {
      const response = await request(api.url)
        .post('/v1/reasoning')
        .set({ ...alice, 'Content-Type': 'application/json' })
        .send(raw);
      expect(response.status, raw).toBe(400);
      expect(response.body.error.type).toBe('invalid_request_error');
    }
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await request(api.url)
      .post('/v1/reasoning')
      .set(alice)
      .send({ prompt: 'x'.repeat(10_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await request(api.url)
      .post('/v1/reasoning')
      .set({ ...alice, 'Content-Type': 'text/plain' })
      .send('prompt=hi');
    expect(response.status).toBe(415);
  });

  it('limits batch size, and names the bad JSONL line', async () => {
    const line = { body: prompt };
    const tooMany = await request(api.url).post('/v1/batches').set(alice).send([line, line, line, line]);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.issues).toContainEqual(expect.objectContaining({ field: 'body', rule: 'maximum' }));
    const badLine = await request(api.url)
      .post('/v1/batches')
      .set({ ...alice, 'Content-Type': 'application/jsonl' })
      .send(`${JSON.stringify(line)}\n{oops\n`);
    expect(badLine.status).toBe(400);
    expect(badLine.body.error.message).toContain('line 2');
    const badField = await request(api.url)
      .post('/v1/batches')
      .set(alice)
      .send([{ ...line, url: '/v1/embeddings' }]);
    expect(badField.body.error.issues).toContainEqual(expect.objectContaining({ field: '[0].url', rule: 'enum' }));
  });

  it('validates the OpenAI facade the same way', async () => {
    const response = await request(api.url)
      .post('/v1/chat/completions')
      .set(alice)
      .send({ model: MODEL, messages: [{ role: 'user', content: 'hi' }], n: 2, logit_bias: {} });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'n' }),
        expect.objectContaining({ field: 'logit_bias', rule: 'unknown_field' }),
      ]),
    );
  });

  it('fails fast at boot on invalid configuration, naming the variable', async () => {
    const failed = await startApi(inject('redisUrl'), '{tl-api-validation}', { API_MAX_BACKLOG: 'lots' }).then(
      () => 'started',
      (error: unknown) => String((error as Error & { output?: string }).output ?? error),
    );
    expect(failed).toContain('API_MAX_BACKLOG');
  });
});
