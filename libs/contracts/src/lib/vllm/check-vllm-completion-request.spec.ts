import { describe, expect, it } from 'vitest';
import { checkVllmCompletionRequest } from './check-vllm-completion-request.js';

const ok = { model: 'm', prompt: 'Hi', max_tokens: 8 };

describe('checkVllmCompletionRequest', () => {
  it('accepts the fields vLLM declares, in every prompt form, and lists unknown ones', () => {
    for (const prompt of ['x', ['a', 'b'], [1, 2, 3], [[1], [2, 3]]]) {
      expect(checkVllmCompletionRequest({ ...ok, prompt }).issues).toEqual([]);
    }
    const check = checkVllmCompletionRequest({
      ...ok,
      seed: -5,
      top_k: -1,
      min_p: 0,
      repetition_penalty: 1,
      add_special_tokens: false,
      return_token_ids: true,
      request_id: 'r-1',
      stop_token_ids: [151645],
      stream: true,
      stream_options: { include_usage: true },
      stop_tokens_ids: [1],
    });
    expect(check).toEqual({ issues: [], unknownFields: ['stop_tokens_ids'] });
  });

  it.each([
    [{ ...ok, max_tokens: 1.5 }, 'max_tokens'],
    [{ ...ok, max_tokens: 0 }, 'max_tokens'],
    [{ ...ok, n: 0 }, 'n'],
    [{ ...ok, n: null }, 'n'],
    [{ ...ok, temperature: 2.5 }, 'temperature'],
    [{ ...ok, top_p: 0 }, 'top_p'],
    [{ ...ok, top_k: -2 }, 'top_k'],
    [{ ...ok, repetition_penalty: 0 }, 'repetition_penalty'],
    [{ ...ok, seed: 2 ** 64 }, 'seed'],
    [{ ...ok, prompt: [-1] }, 'prompt'],
    [{ ...ok, prompt: '' }, 'prompt'],
    [{ model: 'm' }, 'prompt'],
    [{ ...ok, stream_options: { include_usage: true } }, 'stream_options'],
    [{ ...ok, stream: true, stream_options: { include_usage: 'yes' } }, 'stream_options.include_usage'],
    [{ ...ok, stop: ['</Thread>', ''] }, 'stop'],
    [{ ...ok, min_tokens: 9 }, 'min_tokens'],
    [{ ...ok, add_special_tokens: 'false' }, 'add_special_tokens'],
    [{ ...ok, truncation_side: 'middle' }, 'truncation_side'],
    [{ ...ok, cache_salt: '' }, 'cache_salt'],
  ])('rejects %j at %s', (body, param) => {
    expect(checkVllmCompletionRequest(body).issues[0]?.param).toBe(param);
  });

  it('rejects a body that is not an object', () => {
    expect(checkVllmCompletionRequest([1]).issues).toHaveLength(1);
  });
});
