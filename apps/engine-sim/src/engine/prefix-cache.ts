import { blockKey, hashBlock, ROOT_BLOCK } from '../util/hash.js';

/**
 * Automatic prefix caching as vLLM does it: prompts are cut into full blocks of `blockSize`
 * token ids, each identified by a hash chained over its parent; only full blocks are cached;
 * least-recently-used blocks are evicted past `capacityBlocks`. Blocks are hashed in place and keyed by
 * numbers, so a 30k-token prompt costs well under a millisecond, not one string per block.
 */
export class PrefixCache {
  private readonly blocks = new Map<number, true>();

  constructor(
    readonly blockSize: number,
    readonly capacityBlocks: number,
  ) {}

  /** Tokens of `tokens` served from cache (vLLM always recomputes the last prompt token). */
  match(tokens: readonly number[]): number {
    let parent = ROOT_BLOCK;
    let matched = 0;
    const limit = Math.floor((tokens.length - 1) / this.blockSize) * this.blockSize;
    for (let start = 0; start + this.blockSize <= limit; start += this.blockSize) {
      parent = hashBlock(parent, tokens, start, start + this.blockSize);
      const key = blockKey(parent);
      if (!this.blocks.has(key)) break;
      this.touch(key);
      matched += this.blockSize;
    }
    return matched;
  }

  /** Records every full block of `tokens` (then of `more`, which continues it) as computed. */
  insert(tokens: readonly number[], more: readonly number[] = []): void {
    if (this.capacityBlocks <= 0) return;
    const all = more.length === 0 ? tokens : tokens.concat(more);
    let parent = ROOT_BLOCK;
    for (let start = 0; start + this.blockSize <= all.length; start += this.blockSize) {
      parent = hashBlock(parent, all, start, start + this.blockSize);
      this.touch(blockKey(parent));
    }
    while (this.blocks.size > this.capacityBlocks) this.blocks.delete(this.blocks.keys().next().value as number);
  }

  /** Number of cached blocks. */
  get size(): number {
    return this.blocks.size;
  }

  /**
   * Marks a block most recently used. Map order is the LRU order: a set of block hashes, evicted least
   * recently used first as vLLM frees cached blocks; it keeps no values, sizes or TTLs, which is what
   * lru-cache would add.
   */
  private touch(key: number): void {
    this.blocks.delete(key);
    this.blocks.set(key, true);
  }
}
