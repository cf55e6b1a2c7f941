import { describe, expect, it } from 'vitest';
import { loadQwen3Encoder } from './qwen3-encoder.js';

describe('loadQwen3Encoder', () => {
  it('keeps native Qwen3 ids and appends the missing dialect tags after the vocabulary, in SFT order', async () => {
    const encoder = await loadQwen3Encoder();
    // 151669 entries in the stock vocabulary (the last, </think>, is 151668): the 12 SFT tags follow it.
    expect(['<think>', '</think>', '<|im_start|>', '<|im_end|>'].map((tag) => encoder.specialId(tag))).toEqual([
      151667, 151668, 151644, 151645,
    ]);
    expect(['<Think>', '<Parallel>', '<Thread>', '</Conclusion>'].map((tag) => encoder.specialId(tag))).toEqual([
      151669, 151671, 151677, 151680,
    ]);
  });

  it('encodes tags as one id each and the text between them with the Qwen3 vocabulary', async () => {
    const encoder = await loadQwen3Encoder();
    expect(encoder.encode('<Thread>\n1: hi</Thread>')).toEqual([151677, 198, 16, 25, 15588, 151678]);
  });
});
