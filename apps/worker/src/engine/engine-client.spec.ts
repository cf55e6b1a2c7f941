import { describe, expect, it } from 'vitest';
import { EngineOutputError } from './engine-output.error.js';
import { toResult } from './engine-client.js';

const request = { prompt: 'p', stop: ['</Outlines>'], maxTokens: 10 };
const usage = { completion_tokens: 3, prompt_tokens: 7, prompt_tokens_details: { cached_tokens: 4 } };

describe('toResult', () => {
  it('keeps the stop string, tokens and cached tokens', () => {
    expect(toResult('a</Outlines>', 'stop', '</Outlines>', usage, request)).toEqual({
      text: 'a</Outlines>',
      finishReason: 'stop',
      stopReason: '</Outlines>',
      completionTokens: 3,
      promptTokens: 7,
      cachedTokens: 4,
    });
  });

  it('reads EOS (a token-id stop reason or none) as stopReason null', () => {
    expect(toResult('done', 'stop', 151645, usage, request).stopReason).toBeNull();
    expect(toResult('done', 'stop', null, usage, request).stopReason).toBeNull();
  });

  it.each([
    ['an unknown finish reason', () => toResult('x', 'abort', null, usage, request)],
    ['a stop string that was not asked for', () => toResult('x</Thread>', 'stop', '</Thread>', usage, request)],
    [
      'a stop string missing from the text (include_stop_str_in_output ignored)',
      () => toResult('x', 'stop', '</Outlines>', usage, request),
    ],
    ['no usage', () => toResult('x', 'length', null, null, request)],
  ])('rejects %s as invalid output', (_name, run) => {
    expect(run).toThrow(EngineOutputError);
  });
});
