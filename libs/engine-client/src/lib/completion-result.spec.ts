import { createCharsTokenizer } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { toCompletionResult } from './completion-result.js';
import { readCompletionStream, type CompletionChunk } from './completion-stream.js';
import { EngineOutputError } from './engine-output.error.js';

const request = { prompt: 'p', stop: ['</Outlines>'], maxTokens: 10 };
const usage = { completion_tokens: 3, prompt_tokens: 7, prompt_tokens_details: { cached_tokens: 4 } };
const result = (text: string, finish: string | null, stop: string | number | null, withUsage = usage) =>
  toCompletionResult({ text, finish, stop, usage: withUsage }, request);

describe('toCompletionResult', () => {
  it('keeps the stop string, tokens and cached tokens', () => {
    expect(result('a</Outlines>', 'stop', '</Outlines>')).toEqual({
      text: 'a</Outlines>',
      finishReason: 'stop',
      stopReason: '</Outlines>',
      completionTokens: 3,
      promptTokens: 7,
      cachedTokens: 4,
    });
  });

  it('reads EOS (a token-id stop reason or none) as stopReason null', () => {
    expect(result('done', 'stop', 151645).stopReason).toBeNull();
    expect(result('done', 'stop', null).stopReason).toBeNull();
  });

  it.each([
    ['an unknown finish reason', () => result('x', 'abort', null)],
    ['a stop string that was not asked for', () => result('x</Thread>', 'stop', '</Thread>')],
    [
      'a stop string missing from the text (include_stop_str_in_output ignored)',
      () => result('x', 'stop', '</Outlines>'),
    ],
    ['no usage', () => toCompletionResult({ text: 'x', finish: 'length', stop: null, usage: null }, request)],
  ])('rejects %s as invalid output', (_name, run) => {
    expect(run).toThrow(EngineOutputError);
  });

  it('counts with the fallback tokenizer when the engine reported no usage, and says so', () => {
    const streamed = { text: 'abc', finish: 'length', stop: null, usage: null };
    expect(toCompletionResult(streamed, request, createCharsTokenizer())).toEqual({
      text: 'abc',
      finishReason: 'length',
      stopReason: null,
      completionTokens: 3,
      promptTokens: request.prompt.length,
      cachedTokens: 0,
      usageSource: 'tokenizer',
    });
  });

  it('hands back the prompt and generated ids of a stream (first-chunk prompt ids, per-chunk deltas)', async () => {
    const chunks: CompletionChunk[] = [
      { choices: [{ text: 'a', token_ids: [5], prompt_token_ids: [1, 2, 3] }] },
      { choices: [{ text: '', token_ids: [6], prompt_token_ids: null }] },
      { choices: [{ text: '</Outlines>', token_ids: [7], finish_reason: 'stop', stop_reason: '</Outlines>' }] },
      { choices: [], usage },
    ];
    const streamed = await readCompletionStream(toAsync(chunks));
    expect(toCompletionResult(streamed, request)).toMatchObject({
      text: 'a</Outlines>',
      promptTokenIds: [1, 2, 3],
      tokenIds: [5, 6, 7],
    });
  });

  it('hands back the ids of a one-chunk stream, and none when the engine returned none', async () => {
    const choice = { text: 'a</Outlines>', finish_reason: 'stop', stop_reason: '</Outlines>' };
    const withIds = await readCompletionStream(
      toAsync([{ choices: [{ ...choice, prompt_token_ids: [1], token_ids: [5, 7] }], usage }]),
    );
    expect(toCompletionResult(withIds, request)).toMatchObject({ promptTokenIds: [1], tokenIds: [5, 7] });
    const without = toCompletionResult(await readCompletionStream(toAsync([{ choices: [choice], usage }])), request);
    expect(without).not.toHaveProperty('tokenIds');
    expect(without).not.toHaveProperty('promptTokenIds');
  });

  it('refuses ids that are not token ids', async () => {
    const streamed = await readCompletionStream(
      toAsync([{ choices: [{ text: 'a', finish_reason: 'length', token_ids: [-1] }], usage }]),
    );
    expect(() => toCompletionResult(streamed, request)).toThrow(EngineOutputError);
  });
});

async function* toAsync<T>(items: readonly T[]): AsyncIterable<T> {
  for (const item of items) yield await Promise.resolve(item);
}
