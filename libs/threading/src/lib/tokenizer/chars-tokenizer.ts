import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { countCodePoints } from './count-code-points.js';
import { countWithTags } from './count-with-tags.js';
import type { Tokenizer } from './tokenizer.js';

/** Debug tokenizer: every dialect tag is one token, every other Unicode code point is one token. */
export function createCharsTokenizer(dialect: Dialect = THREADWEAVER_DIALECT): Tokenizer {
  return {
    name: 'chars',
    countTokens: (text: string): number => countWithTags(text, dialect, (piece) => countCodePoints(piece)),
  };
}
