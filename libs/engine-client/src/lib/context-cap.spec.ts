import { describe, expect, it } from 'vitest';
import { capToContext } from './context-cap.js';
import { ContextFullError } from './context-full.error.js';

const request = (prompt: string, maxTokens: number) => ({ prompt, stop: ['</Outlines>'], maxTokens });

describe('capToContext', () => {
  it('caps max_tokens at max_model_len minus the prompt tokens the engine counts', async () => {
    const counted: string[] = [];
    const count = (prompt: string) => (counted.push(prompt), Promise.resolve(1_000));
    expect((await capToContext(request('p'.repeat(4_000), 40_000), 32_768, count)).maxTokens).toBe(31_768);
    expect((await capToContext(request('p'.repeat(4_000), 20_000), 32_768, count)).maxTokens).toBe(20_000);
    expect(counted).toHaveLength(1); // 4,000 bytes + 20,000 fit without counting
  });

  it('does not count a prompt whose bytes already fit, nor cap without a known context', async () => {
    const count = () => Promise.reject(new Error('not asked'));
    expect((await capToContext(request('short', 100), 200, count)).maxTokens).toBe(100);
    expect((await capToContext(request('short', 40_000), undefined, count)).maxTokens).toBe(40_000);
  });

  it('ends a call whose prompt fills the context instead of sending it', async () => {
    const full = capToContext(request('x'.repeat(50), 10), 40, () => Promise.resolve(40));
    await expect(full).rejects.toBeInstanceOf(ContextFullError);
    await expect(full).rejects.toMatchObject({ promptTokens: 40, maxModelLen: 40 });
    expect((await capToContext(request('x'.repeat(50), 10), 40, () => Promise.resolve(39))).maxTokens).toBe(1);
  });
});
