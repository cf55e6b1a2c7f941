import { describe, expect, it } from 'vitest';
import { MULTIVERSE_DIALECT } from '../dialect/index.js';
import { createCharsTokenizer } from './chars-tokenizer.js';

describe('createCharsTokenizer', () => {
  it('counts each dialect tag as one token and every other code point as one', () => {
    const chars = createCharsTokenizer();
    expect(chars.name).toBe('chars');
    expect(chars.countTokens('')).toBe(0);
    expect(chars.countTokens('<think>ab</think>')).toBe(4);
    expect(chars.countTokens('Δ😀<Thread>')).toBe(3);
    expect(chars.countTokens('<Path>')).toBe(6);
    expect(createCharsTokenizer(MULTIVERSE_DIALECT).countTokens('<Path>')).toBe(1);
  });
});
