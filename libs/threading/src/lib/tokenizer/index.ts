export { createCharsTokenizer } from './chars-tokenizer.js';
export { loadQwen3Tokenizer } from './qwen3-tokenizer.js';
export type { Tokenizer } from './tokenizer.js';
