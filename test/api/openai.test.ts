// The OpenAI-compatible facade, driven by the official `openai` SDK.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEYS } from './support/api-keys.js';
import { MODEL, startApiStack, type ApiStack } from './support/api-stack.js';
import { FIGURE6 } from '../support/figure6.js';

describe('OpenAI-compatible facade', () => {
  let env: ApiStack;
  let openai: OpenAI;
  /** Usage of the non-streamed chat completion: the simulator replays one trajectory, so every run of the problem has it. */
  let chatUsage: OpenAI.CompletionUsage | undefined;

  beforeAll(async () => {
    // Simulated decoding takes real time here, so the stream has something to be incremental about.
    env = await startApiStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-api-openai}',
      machines: 2,
      timeScale: 0.05,
    });
    openai = new OpenAI({ apiKey: KEYS.alice, baseURL: `${env.api.url}/v1`, maxRetries: 0, timeout: 60_000 });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('lists the served models', async () => {
    const models = await openai.models.list();
    expect(models.data.map((model) => model.id)).toEqual([MODEL]);
  });

  it('answers a chat completion with the simulated response and usage with the critical path', async () => {
    const completion = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: FIGURE6.problem }],
      temperature: 0.6,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe(FIGURE6.assistant);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const usage = completion.usage as OpenAI.CompletionUsage & {
      threadloom: { critical_path_tokens: number; token_speedup: number };
    };
    expect(usage.completion_tokens).toBeGreaterThan(usage.threadloom.critical_path_tokens);
    expect(usage.threadloom.token_speedup).toBeGreaterThan(1);
    chatUsage = completion.usage;
  });

  it('streams a chat completion in chunk format, ending with the final answer and usage', async () => {
    const stream = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: FIGURE6.problem }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    let roleSeen = false;
    const pieces: string[] = [];
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      const choice = chunk.choices[0];
      if (choice?.delta.role === 'assistant') roleSeen = true;
      if (choice?.delta.content) pieces.push(choice.delta.content);
      text += choice?.delta.content ?? '';
      finish = choice?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(roleSeen).toBe(true);
    expect(text).toBe(FIGURE6.assistant);
    // Incremental: the first step arrives before the first block is joined, and the final step comes last.
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces[0]!.endsWith('</Outlines>')).toBe(true);
    expect(text).toContain('\\boxed{5}');
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBe(chatUsage?.completion_tokens);
    expect(usage?.prompt_tokens).toBe(chatUsage?.prompt_tokens);
  });

  it('answers a text completion for a raw prompt, streaming and not', async () => {
    const prompt = FIGURE6.prompt;
    const completion = await openai.completions.create({ model: MODEL, prompt });
    expect(completion.choices[0]?.text).toBe(FIGURE6.assistant);
    const stream = await openai.completions.create({ model: MODEL, prompt, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe(FIGURE6.assistant);
  });

  it('surfaces API errors as SDK errors', async () => {
    await expect(
      openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toMatchObject({ status: 400 });
    const anonymous = new OpenAI({ apiKey: 'tl-wrong', baseURL: `${env.api.url}/v1`, maxRetries: 0 });
    await expect(anonymous.models.list()).rejects.toMatchObject({ status: 401 });
  });
});
