import { describe, expect, it } from 'vitest';
import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import { keepCompletion } from './completion-text.js';
import type { CompletionResult } from './engine.js';

const STOP = THREADWEAVER_DIALECT.threadStop;
const keep = (result: Partial<CompletionResult>) =>
  keepCompletion(
    { text: '', finishReason: 'stop', stopReason: STOP, completionTokens: 1, ...result },
    STOP,
    THREADWEAVER_DIALECT,
  );

describe('keepCompletion', () => {
  it('keeps a completion that stopped on the expected stop string', () => {
    expect(keep({ text: ` a\n${STOP}` })).toEqual({ text: ` a\n${STOP}`, eos: false, stopped: true });
  });

  it('restores a stop string the engine stripped', () => {
    expect(keep({ text: ' a\n' })).toEqual({ text: ` a\n${STOP}`, eos: false, stopped: true });
  });

  it('treats a stop with no stop string as EOS', () => {
    expect(keep({ text: ' a', stopReason: null })).toEqual({ text: ' a', eos: true, stopped: false });
  });

  it('cuts the text at an EOS string and drops the rest', () => {
    expect(keep({ text: ` a<|im_end|> junk${STOP}` })).toEqual({ text: ' a', eos: true, stopped: false });
  });

  it('reports a length finish as neither stopped nor EOS', () => {
    expect(keep({ text: ' a', finishReason: 'length', stopReason: null })).toEqual({
      text: ' a',
      eos: false,
      stopped: false,
    });
  });

  it('does not count an unexpected stop string as a stop', () => {
    expect(keep({ text: ' a</Outlines>', stopReason: '</Outlines>' })).toEqual({
      text: ' a</Outlines>',
      eos: false,
      stopped: false,
    });
  });
});
