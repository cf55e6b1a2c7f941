import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVllmCompletionRequest } from '@threadloom/contracts';
import { FIGURE6 } from '../support/figure6.js';
import { postJson, postStream, startSim, TEXT_MODE, type Json, type SimProcess } from './sim-client.js';

const KEY = 'sim-secret-key';
const AUTH = { authorization: `Bearer ${KEY}` };
/** Figure 6 up to the fork: the context every thread of its first block continues. */
const FORK = FIGURE6.prompt + FIGURE6.assistant.slice(0, FIGURE6.assistant.indexOf('</Outlines>') + 11);

describe('engine-sim is as strict as vLLM: auth, request ids, token ids, seeds, context length', () => {
  let guarded: SimProcess;
  let open: SimProcess;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sim-capture-'));
    [guarded, open] = await Promise.all([
      startSim([
        '--time-scale',
        '0',
        '--api-key',
        KEY,
        '--enable-request-id-headers',
        '--max-model-len',
        '32768',
        '--capture-requests',
        join(dir, 'requests.jsonl'),
      ]),
      startSim(['--time-scale', '0']),
    ]);
  });
  afterAll(async () => {
    await Promise.all([guarded.stop(), open.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });
  const thread = (url: string, n: string, extra: object = {}): Promise<{ body: Json }> =>
    postJson(
      `${url}/v1/completions`,
      { prompt: `${FORK}\n<Thread>\n${n}:`, stop: ['</Thread>'], max_tokens: 4000, ...TEXT_MODE, ...extra },
      AUTH,
    );

  it('answers /v1 routes 401 without the key or with a wrong one; /health and /metrics stay open', async () => {
    const none = await postJson(`${guarded.url}/v1/completions`, { prompt: 'x' });
    expect(none).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
    const wrong = await fetch(`${guarded.url}/v1/models`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const models: Json = await (await fetch(`${guarded.url}/v1/models`, { headers: AUTH })).json();
    expect(models.data[0].max_model_len).toBe(32768);
    expect((await fetch(`${guarded.url}/health`)).status).toBe(200);
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(200);
  });

  it('echoes X-Request-Id and names the completion after it or after request_id', async () => {
    const byHeader = await postJson(
      `${guarded.url}/v1/completions`,
      { prompt: 'x', max_tokens: 2 },
      { ...AUTH, 'x-request-id': 'req-7:0' },
    );
    expect(byHeader.headers.get('x-request-id')).toBe('req-7:0');
    expect(byHeader.body.id).toBe('cmpl-req-7:0');
    const byField = await postJson(`${open.url}/v1/completions`, { prompt: 'x', max_tokens: 2, request_id: 'r-1' });
    expect(byField.body.id).toBe('cmpl-r-1');
    expect(byField.headers.get('x-request-id')).toBeNull();
  });

  it('returns token ids (whole and streamed) that any instance accepts back as a prompt', async () => {
    const body = { prompt: FIGURE6.prompt, stop: ['</Outlines>'], max_tokens: 400, return_token_ids: true };
    const whole = (await postJson(`${open.url}/v1/completions`, { ...body, ...TEXT_MODE })).body.choices[0];
    expect(whole.token_ids.length).toBeGreaterThan(10);
    const { chunks } = await postStream(`${open.url}/v1/completions`, { ...body, ...TEXT_MODE });
    const choices = chunks.filter((c: Json) => c.choices.length > 0).map((c: Json): Json => c.choices[0]);
    expect(choices[0].prompt_token_ids).toEqual(whole.prompt_token_ids);
    expect(choices.slice(1).every((c: Json) => c.prompt_token_ids === null)).toBe(true);
    expect(choices.flatMap((c: Json): number[] => c.token_ids as number[])).toEqual(whole.token_ids);
    const ids = [...whole.prompt_token_ids, ...whole.token_ids];
    const resumed = await postJson(
      `${guarded.url}/v1/completions`,
      { prompt: ids, max_tokens: 30, add_special_tokens: false, ...TEXT_MODE },
      AUTH,
    );
    expect(resumed.status).toBe(200);
    expect(resumed.body.usage.prompt_tokens).toBe(ids.length);
    expect(resumed.body.choices[0].text.startsWith('\n<Thread>\n1:')).toBe(true);
  });

  it('varies thread lengths by seed, reproducibly; no seed replays the recording; greedy ignores the seed', async () => {
    const recorded = (await thread(open.url, '2')).body.choices[0].text;
    const [a, again, b] = await Promise.all([
      thread(open.url, '2', { seed: 11 }),
      thread(guarded.url, '2', { seed: 11 }),
      thread(open.url, '2', { seed: 12 }),
    ]);
    const text = (r: { body: Json }): string => String(r.body.choices[0].text);
    expect(text(again)).toBe(text(a));
    expect(new Set([recorded, text(a), text(b)]).size).toBe(3);
    for (const t of [text(a), text(b)]) expect(t.endsWith('</Thread>')).toBe(true);
    expect(text(await thread(open.url, '2', { seed: 11, temperature: 0 }))).toBe(recorded);
    const n = await thread(open.url, '1', { seed: 5, n: 3 });
    expect(new Set(n.body.choices.map((c: Json): string => String(c.text))).size).toBe(3);
  });

  it('rejects a request over the context length with vLLM wording and accepts unknown fields', async () => {
    const res = await postJson(`${guarded.url}/v1/completions`, { prompt: FIGURE6.prompt, max_tokens: 32760 }, AUTH);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ param: 'input_tokens', code: 400 });
    expect(res.body.message).toMatch(
      /^You passed \d+ input tokens and requested 32760 output tokens\. However, the model's context length is only 32768 tokens/,
    );
    const extra = await postJson(`${open.url}/v1/completions`, { prompt: 'x', max_tokens: 2, not_a_vllm_field: 1 });
    expect(extra.status).toBe(200);
  });

  it('captures every completion request it receives, without the key', async () => {
    await postJson(`${guarded.url}/v1/completions`, { prompt: 'x', max_tokens: 2, seed: 9 }, AUTH);
    await guarded.stop();
    const text = readFileSync(join(dir, 'requests.jsonl'), 'utf8');
    expect(text).not.toContain(KEY);
    const lines = text
      .trim()
      .split('\n')
      .map((l): Json => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ hasAuthorization: true, body: { prompt: 'x', seed: 9 } });
    expect(lines.every((l: Json) => checkVllmCompletionRequest(l.body).issues.length === 0)).toBe(true);
  });
});
