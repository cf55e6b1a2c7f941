import { describe, expect, it } from 'vitest';
import { completionBody } from './completion-body.js';

const request = { prompt: 'p', stop: ['</Thread>'], maxTokens: 9 };

describe('completionBody', () => {
  it('sends every sampling setting it is given, special tokens off, text mode on', () => {
    const sampling = { temperature: 1, topP: 1, topK: -1, minP: 0, repetitionPenalty: 1, seed: 7 };
    expect(completionBody('m', request, sampling)).toMatchObject({
      model: 'm',
      prompt: 'p',
      max_tokens: 9,
      stop: ['</Thread>'],
      temperature: 1,
      top_p: 1,
      top_k: -1,
      min_p: 0,
      repetition_penalty: 1,
      seed: 7,
      add_special_tokens: false,
      skip_special_tokens: false,
      include_stop_str_in_output: true,
      return_token_ids: true,
    });
  });

  it('leaves the vLLM extras out when unset (the engine default applies)', () => {
    const body = completionBody('m', request, {});
    for (const field of ['top_k', 'min_p', 'repetition_penalty']) expect(body).not.toHaveProperty(field);
    expect(body).toMatchObject({ temperature: null, top_p: null, seed: null });
  });

  it('sends a token-exact prompt as its ids and a priority only when given', () => {
    const body = completionBody('m', request, {}, { promptIds: [3, 1, 4], priority: -1 });
    expect(body).toMatchObject({ prompt: [3, 1, 4], priority: -1 });
    expect(completionBody('m', request, {})).not.toHaveProperty('priority');
  });
});
