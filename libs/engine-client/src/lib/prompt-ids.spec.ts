import { describe, expect, it } from 'vitest';
import { PromptIds } from './prompt-ids.js';

describe('PromptIds', () => {
  it('sends generated ids as they are and tokenizes each inserted text once', async () => {
    const asked: string[] = [];
    const tokenize = (text: string) => {
      asked.push(text);
      return Promise.resolve(Array.from(text, (char) => char.charCodeAt(0)));
    };
    const ids = new PromptIds();
    // 7, 8, 9 are not what "ab" would tokenize to: generated ids are never re-tokenized.
    const pieces = [{ text: 'P' }, { ids: [7, 8, 9] }, { text: '\n' }];
    expect(await ids.of(pieces, tokenize)).toEqual([80, 7, 8, 9, 10]);
    expect(await ids.of([{ text: 'P' }, { ids: [1] }], tokenize)).toEqual([80, 1]);
    expect(asked).toEqual(['P', '\n']);
  });

  it('asks again for a text whose tokenization failed', async () => {
    let calls = 0;
    const flaky = (text: string) =>
      ++calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve([text.length]);
    const ids = new PromptIds();
    await expect(ids.of([{ text: 'x' }], flaky)).rejects.toThrow('down');
    expect(await ids.of([{ text: 'x' }], flaky)).toEqual([1]);
  });
});
