import { describe, expect, it } from 'vitest';
import { parseCompletionRequest } from './completion-request.js';

describe('parseCompletionRequest prompt shapes', () => {
  const ids = Array.from({ length: 3000 }, (_, index) => (index * 7919) % 151_000);

  it.each([
    ['a string', 'Hello'],
    ['token ids', ids],
    ['a list of strings', ['a', 'b']],
    ['a list of token-id lists', [ids.slice(0, 3), [5]]],
  ])('accepts %s unchanged', (_shape, prompt) => {
    const parsed = parseCompletionRequest({ model: 'm', prompt, max_tokens: 4 });
    expect(parsed.ok && parsed.value.prompt).toEqual(prompt);
  });

  it.each([
    ['an empty list', []],
    ['a list mixing strings and ids', ['a', 1]],
    ['a negative id', [1, -2]],
    ['a fractional id', [1, 2.5]],
    ['an empty inner list', [[1], []]],
  ])('rejects %s as a prompt error', (_shape, prompt) => {
    const parsed = parseCompletionRequest({ model: 'm', prompt, max_tokens: 4 });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? undefined : parsed.param).toMatch(/^prompt/);
  });
});
