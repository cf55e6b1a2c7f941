import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE6 } from '../support/figure6.js';
import { startSim, type SimProcess } from './sim-client.js';

describe('the official openai SDK works against engine-sim', () => {
  let sim: SimProcess;
  let client: OpenAI;
  beforeAll(async () => {
    sim = await startSim(['--time-scale', '0']);
    client = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: 'x', maxRetries: 0 });
  });
  afterAll(() => sim.stop());

  it('creates a completion with vLLM extras in the request', async () => {
    const params = {
      model: 'threadweaver-sim',
      prompt: FIGURE6.prompt,
      max_tokens: 400,
      stop: ['</Outlines>'],
      skip_special_tokens: false,
      include_stop_str_in_output: true,
    } as OpenAI.CompletionCreateParamsNonStreaming;
    const completion = await client.completions.create(params);
    expect(completion.choices[0]?.text.endsWith('</Outlines>')).toBe(true);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect((completion.choices[0] as unknown as { stop_reason: string }).stop_reason).toBe('</Outlines>');
    // The first request on a fresh engine: nothing of the prompt is cached yet.
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
  });

  it('streams a completion with usage, the same text the engine answers without streaming', async () => {
    const params = { model: 'threadweaver-sim', prompt: FIGURE6.prompt, max_tokens: 20 };
    const whole = await client.completions.create(params);
    const stream = await client.completions.create({
      ...params,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let completionTokens = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
    }
    expect(text).toBe(whole.choices[0]?.text);
    expect(FIGURE6.assistant.startsWith(text)).toBe(true);
    expect(completionTokens).toBe(20);
  });

  it('lists the model and surfaces a 400 as BadRequestError', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['threadweaver-sim']);
    await expect(client.completions.create({ model: 'unknown', prompt: 'x' })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );
  });
});
