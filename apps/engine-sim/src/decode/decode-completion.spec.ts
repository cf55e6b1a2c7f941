import { THREADWEAVER_DIALECT } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { SimTokenizer } from '../text/sim-tokenizer.js';
import { specialTokensFor } from '../text/special-tokens.js';
import { decodeCompletion } from './decode-completion.js';
import type { DecodeOptions } from './decode-options.js';

const tokenizer = new SimTokenizer(specialTokensFor(THREADWEAVER_DIALECT));
const EOS = '<|im_end|>';
const base: DecodeOptions = {
  maxTokens: 1000,
  stop: [],
  stopTokenIds: [],
  includeStopStrInOutput: true,
  skipSpecialTokens: false,
  spacesBetweenSpecialTokens: false,
};
const decode = (text: string, options: Partial<DecodeOptions> = {}) =>
  decodeCompletion(tokenizer.encode(text), EOS, { ...base, ...options }, tokenizer);

describe('decodeCompletion', () => {
  it('stops at a stop string, keeping it only with include_stop_str_in_output', () => {
    const text = 'step one\n<Outlines>\n<Outline>1: a</Outline>\n</Outlines>\n<Thread>\n1: x';
    expect(decode(text, { stop: ['</Outlines>'] })).toMatchObject({
      text: text.slice(0, text.indexOf('</Outlines>') + 11),
      finishReason: 'stop',
      stopReason: '</Outlines>',
    });
    expect(decode(text, { stop: ['</Outlines>'], includeStopStrInOutput: false }).text).toBe(
      text.slice(0, text.indexOf('</Outlines>')),
    );
  });

  it('treats the end of the continuation as EOS: finish stop, stop_reason null', () => {
    const done = decode('The answer is 5.');
    expect(done).toMatchObject({ text: 'The answer is 5.<|im_end|>', finishReason: 'stop', stopReason: null });
    expect(decode('The answer is 5.', { includeStopStrInOutput: false }).text).toBe('The answer is 5.');
  });

  it('stops at an EOS inside the text before any later stop string', () => {
    expect(decode(`a thread${EOS}\n</Thread>`, { stop: ['</Thread>'], includeStopStrInOutput: false })).toMatchObject({
      text: 'a thread',
      stopReason: null,
    });
  });

  it('reports a matched stop token id as the stop reason', () => {
    const id = tokenizer.special('</Thread>')!.id;
    expect(decode('body\n</Thread><Thread>\n2:', { stopTokenIds: [id] })).toMatchObject({
      text: 'body\n</Thread>',
      stopReason: id,
    });
  });

  it('cuts at max_tokens with finish_reason length', () => {
    const result = decode('one two three four five six', { maxTokens: 3 });
    expect(result).toMatchObject({ finishReason: 'length', stopReason: null });
    expect(result.deltas).toHaveLength(3);
    expect(result.deltas.join('')).toBe(result.text);
  });

  it('skips special tokens by default, so tag stop strings cannot match', () => {
    const result = decode('<think>\nx\n<Parallel>\n<Outlines>\n</Outlines>', {
      skipSpecialTokens: true,
      stop: ['</Outlines>'],
    });
    expect(result.text).toBe('<think>\nx\n\n\n');
    expect(result.stopReason).toBeNull();
  });

  it('inserts spaces between adjacent special tokens when asked', () => {
    expect(decode('</Thread><Thread>', { spacesBetweenSpecialTokens: true, includeStopStrInOutput: false }).text).toBe(
      '</Thread> <Thread>',
    );
  });
});
