// Failures reach tenants as stable codes and our own words (issue 12, hole 7): the engine's raw text
// stays in the worker's logs and never appears in a request's error, its threads or its events.
import { renderUserPrompt } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from '../api/support/api-keys.js';
import { startApi } from '../api/support/api-stack.js';
import { allEvents } from './support/events.js';
import { startScriptedStack, type ScriptedStack } from './support/scripted-stack.js';

const RAW = /scripted HTTP/;

describe('public error codes', () => {
  let scripted: ScriptedStack;

  beforeAll(async () => {
    scripted = await startScriptedStack(inject('redisUrl'), '{tl-public-errors}', 1, { THREAD_ATTEMPTS: '2' });
  });
  afterAll(async () => {
    await scripted?.stop();
  });

  async function failed(problem: string) {
    const { client } = scripted.stack;
    const queued = await client.submit({ prompt: renderUserPrompt(problem), model: 'scripted' });
    const view = await client.waitForResult(queued.id, { timeoutMs: 30_000 });
    const events = await allEvents(client, queued.id);
    return { view, text: JSON.stringify({ view, events }) };
  }

  it('a sequential step the engine keeps refusing fails with engine_unavailable', async () => {
    const { view, text } = await failed('overloaded problem');
    expect(view.status).toBe('failed');
    expect(view.errorCode).toBe('engine_unavailable');
    expect(view.error).toMatch(/sequential step 0/);
    expect(text).not.toMatch(RAW);
  });

  it('a thread that fails for good fails the request with thread_failed, without engine text', async () => {
    const { view, text } = await failed('failing problem');
    expect(view.status).toBe('failed');
    expect(view.errorCode).toBe('thread_failed');
    const thread = view.result?.blocks[0]?.threads.find((t) => t.number === '2');
    expect(thread?.error).toMatch(/engine was unavailable/);
    expect(text).not.toMatch(RAW);
  });

  it("the OpenAI facade's 502 for a failed request gives the public reason, without engine text", async () => {
    const api = await startApi(inject('redisUrl'), '{tl-public-errors}', { API_MODELS: 'scripted' });
    try {
      const response = await fetch(`${api.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: bearer(KEYS.alice), 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'scripted', messages: [{ role: 'user', content: 'overloaded problem' }] }),
      });
      const text = await response.text();
      expect(response.status).toBe(502);
      const { error } = JSON.parse(text) as { error: { type: string; code: string; message: string } };
      expect(error).toMatchObject({ type: 'server_error', code: 'request_failed' });
      expect(error.message).toMatch(/engine was unavailable/);
      expect(text).not.toMatch(RAW);
    } finally {
      await api.process.stop(5_000);
    }
  });
});
