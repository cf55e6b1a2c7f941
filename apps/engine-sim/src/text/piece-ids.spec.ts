import { describe, expect, it } from 'vitest';
import { FIRST_PIECE_ID, pieceId, pieceText } from './piece-ids.js';

describe('piece ids', () => {
  it('round-trips ASCII and non-ASCII pieces, above every special id', () => {
    for (const piece of [' the', 'Hello!', '\n\n', '7', '·', 'é1', '😀x', ' ≤']) {
      const id = pieceId(piece);
      expect(id).toBeGreaterThan(FIRST_PIECE_ID);
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(pieceText(id)).toBe(piece);
    }
    expect(new Set(['a', 'b', 'ab', 'ba', ' a'].map(pieceId)).size).toBe(5);
  });

  it('refuses ids no piece has', () => {
    for (const id of [-1, 5, 151645, FIRST_PIECE_ID, FIRST_PIECE_ID + 128, 2 ** 60, 1.5]) {
      expect(pieceText(id)).toBeUndefined();
    }
  });
});
