import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { createSpecialSplitter } from './special-splitter.js';
import { CHAT_SPECIAL_TOKENS, type TokenEncoder } from './token-encoder.js';

/** First id of a special string in the chars encoder: just past the last Unicode code point. */
export const CHARS_SPECIAL_BASE = 0x110000;

/**
 * Debug encoder: one id per Unicode code point (the code point itself), one id per special string
 * (`CHARS_SPECIAL_BASE` + its index in dialect special tokens, then the chat tokens).
 */
export function createCharsEncoder(dialect: Dialect = THREADWEAVER_DIALECT): TokenEncoder {
  const specials = [...dialect.specialTokens, ...CHAT_SPECIAL_TOKENS];
  const split = createSpecialSplitter(specials);
  const encode = (text: string): number[] => {
    const ids: number[] = [];
    for (const piece of split(text)) {
      if ('special' in piece) ids.push(CHARS_SPECIAL_BASE + piece.special);
      else for (const char of piece.text) ids.push(char.codePointAt(0) ?? 0);
    }
    return ids;
  };
  const specialId = (special: string): number | undefined => {
    const index = specials.indexOf(special);
    return index < 0 ? undefined : CHARS_SPECIAL_BASE + index;
  };
  return { name: 'chars', encode, specialId };
}
