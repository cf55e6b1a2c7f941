import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderUserPrompt } from '@threadloom/threading';
import { FIGURE6 } from '../support/figure6.js';
import { postJson, postStream, startSim, TEXT_MODE, type Json, type SimProcess } from './sim-client.js';

describe('engine-sim speaks vLLM field names and shapes', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSim(['--time-scale', '0', '--model', 'tw-sim', '--max-model-len', '4096']);
  });
  afterAll(() => sim.stop());
  const completions = (): string => `${sim.url}/v1/completions`;

  it('returns a text_completion with choices and usage incl. cached tokens', async () => {
    const res = await postJson(completions(), {
      model: 'tw-sim',
      prompt: FIGURE6.prompt,
      max_tokens: 7,
      n: 2,
      temperature: 1,
      top_p: 1,
      seed: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'text_completion', model: 'tw-sim' });
    expect(res.body.id).toMatch(/^cmpl-/);
    expect(typeof res.body.created).toBe('number');
    expect(res.body.choices).toHaveLength(2);
    for (const [index, choice] of res.body.choices.entries()) {
      expect(choice).toMatchObject({ index, logprobs: null, finish_reason: 'length', stop_reason: null });
      expect(typeof choice.text).toBe('string');
    }
    expect(res.body.usage).toMatchObject({
      completion_tokens: 14,
      prompt_tokens_details: { cached_tokens: expect.any(Number) },
    });
    expect(res.body.usage.total_tokens).toBe(res.body.usage.prompt_tokens + 14);
  });

  it('streams data chunks, a usage chunk and [DONE]', async () => {
    const body = { prompt: FIGURE6.prompt, stop: ['</Outlines>'], max_tokens: 500, ...TEXT_MODE };
    const { chunks, done } = await postStream(completions(), { ...body, stream_options: { include_usage: true } });
    const whole = await postJson(completions(), body);
    expect(done).toBe(true);
    const usage = chunks.at(-1);
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toMatchObject({ completion_tokens: whole.body.usage.completion_tokens });
    const textChunks = chunks.slice(0, -1);
    expect(textChunks.every((c: Json) => c.object === 'text_completion' && c.choices[0].index === 0)).toBe(true);
    expect(textChunks.map((c: Json) => String(c.choices[0].text)).join('')).toBe(whole.body.choices[0].text);
    expect(textChunks.at(-1).choices[0]).toMatchObject({ finish_reason: 'stop', stop_reason: '</Outlines>' });
    expect(textChunks.slice(0, -1).every((c: Json) => c.choices[0].finish_reason === null)).toBe(true);
  });

  it.each([
    ['unknown model', { model: 'nope', prompt: 'x' }, 'model'],
    ['negative max_tokens', { prompt: 'x', max_tokens: -1 }, 'max_tokens'],
    ['prompt over the context length', { prompt: 'word '.repeat(5000) }, 'input_tokens'],
    ['missing prompt', { max_tokens: 3 }, 'prompt'],
    ['empty prompt', { prompt: '' }, 'prompt'],
    ['n below 1', { prompt: 'x', n: 0 }, 'n'],
    ['stream_options without stream', { prompt: 'x', stream_options: { include_usage: true } }, 'stream_options'],
  ])('answers %s with a 400 error body', async (_name, body, param) => {
    const res = await postJson(completions(), body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      object: 'error',
      type: 'BadRequestError',
      code: 400,
      param,
      message: expect.any(String),
    });
  });

  it('answers malformed JSON with a 400 and keeps serving', async () => {
    const res = await postJson(completions(), '{"prompt": ');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('BadRequestError');
    expect((await fetch(`${sim.url}/health`)).status).toBe(200);
  });

  it('serves /v1/models, /health, /tokenize and /detokenize', async () => {
    const models = await (await fetch(`${sim.url}/v1/models`)).json();
    expect(models).toMatchObject({ object: 'list', data: [{ id: 'tw-sim', object: 'model', max_model_len: 4096 }] });
    const prompt = `${renderUserPrompt('What is 2+2?')}<think>\n<Parallel>`;
    const tok = await postJson(`${sim.url}/tokenize`, { prompt });
    expect(tok.body).toMatchObject({ count: tok.body.tokens.length, max_model_len: 4096 });
    expect(tok.body.tokens).toContain(151644);
    const detok = await postJson(`${sim.url}/detokenize`, { tokens: tok.body.tokens });
    expect(detok.body.prompt).toBe(prompt);
    const byIds = await postJson(completions(), { prompt: tok.body.tokens, max_tokens: 3 });
    expect(byIds.body.usage.prompt_tokens).toBe(tok.body.count);
  });

  it('stops on stop_token_ids with the id as stop_reason', async () => {
    const ids = (await postJson(`${sim.url}/tokenize`, { prompt: '</Outlines>' })).body.tokens;
    const res = await postJson(completions(), {
      prompt: FIGURE6.prompt,
      stop_token_ids: ids,
      max_tokens: 500,
      ...TEXT_MODE,
    });
    expect(res.body.choices[0]).toMatchObject({ finish_reason: 'stop', stop_reason: ids[0] });
    expect(res.body.choices[0].text.endsWith('</Outlines>')).toBe(true);
  });

  it('drops special tokens with skip_special_tokens (the default), so tag stop strings never match', async () => {
    const res = await postJson(completions(), { prompt: FIGURE6.prompt, stop: ['</Outlines>'], max_tokens: 120 });
    expect(res.body.choices[0].text).not.toContain('<Parallel>');
    expect(res.body.choices[0].text).toContain('<think>');
  });

  it('exposes vLLM metric names', async () => {
    const text = await (await fetch(`${sim.url}/metrics`)).text();
    for (const name of [
      'vllm:num_requests_running',
      'vllm:num_requests_waiting',
      'vllm:kv_cache_usage_perc',
      'vllm:prefix_cache_queries_total',
      'vllm:prefix_cache_hits_total',
      'vllm:prompt_tokens_total',
      'vllm:generation_tokens_total',
      'vllm:time_to_first_token_seconds_bucket',
      'vllm:inter_token_latency_seconds_bucket',
      'vllm:e2e_request_latency_seconds_count',
      'vllm:request_success_total',
    ])
      expect(text).toContain(name);
  });
});
