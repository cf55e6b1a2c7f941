import { hashBlock } from '../util/hash.js';

/**
 * Automatic prefix caching as vLLM does it: prompts are cut into full blocks of `blockSize`
 * token ids, each identified by a hash chained over its parent; only full blocks are cached;
 * least-recently-used blocks are evicted past `capacityBlocks`.
 */
export class PrefixCache {
  private readonly blocks = new Map<string, true>();

  constructor(
    readonly blockSize: number,
    readonly capacityBlocks: number,
  ) {}

  /** Tokens of `tokens` served from cache (vLLM always recomputes the last prompt token). */
  match(tokens: readonly number[]): number {
    let parent = '';
    let matched = 0;
    const limit = Math.floor((tokens.length - 1) / this.blockSize) * this.blockSize;
    for (let start = 0; start + this.blockSize <= limit; start += this.blockSize) {
      const key = hashBlock(parent, tokens.slice(start, start + this.blockSize));
      if (!this.blocks.has(key)) break;
      this.blocks.delete(key);
      this.blocks.set(key, true);
      matched += this.blockSize;
      parent = key;
    }
    return matched;
  }

  /** Records every full block of `tokens` as computed. */
  insert(tokens: readonly number[]): void {
    if (this.capacityBlocks <= 0) return;
    let parent = '';
    for (let start = 0; start + this.blockSize <= tokens.length; start += this.blockSize) {
      const key = hashBlock(parent, tokens.slice(start, start + this.blockSize));
      this.blocks.delete(key);
      this.blocks.set(key, true);
      parent = key;
    }
    while (this.blocks.size > this.capacityBlocks) this.blocks.delete(this.blocks.keys().next().value as string);
  }

  /** Number of cached blocks. */
  get size(): number {
    return this.blocks.size;
  }
}
