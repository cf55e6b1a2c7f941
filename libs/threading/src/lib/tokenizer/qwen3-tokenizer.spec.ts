import { describe, expect, it } from 'vitest';
import { loadQwen3Tokenizer } from './qwen3-tokenizer.js';

describe('loadQwen3Tokenizer', () => {
  it('counts dialect tags and think tags as single tokens, the rest with Qwen3 BPE', async () => {
    const qwen3 = await loadQwen3Tokenizer();
    expect(qwen3.name).toBe('qwen3');
    // "Hello" is one Qwen3 token; every tag is one token.
    expect(qwen3.countTokens('Hello')).toBe(1);
    expect(
      qwen3.countTokens(
        '<think><Parallel><Outlines><Outline></Outline></Outlines><Thread></Thread></Parallel></think>',
      ),
    ).toBe(10);
    expect(qwen3.countTokens('<Thread>Hello')).toBe(2);
    expect(qwen3.countTokens('Hello<Thread>Hello')).toBe(3);
  });
});
