import type { PromptPiece } from '@threadloom/threading';
import { LRUCache } from 'lru-cache';

/** Inserted texts remembered per client: the chat prompt and the tags recur in every call of a request. */
const CACHED_TEXTS = 512;

/**
 * Builds token-exact prompts: generated ids go as returned, inserted text is tokenized by the engine
 * (`tokenize`), each distinct text once per client while it stays among the last CACHED_TEXTS used.
 */
export class PromptIds {
  private readonly cache = new LRUCache<string, Promise<number[]>>({ max: CACHED_TEXTS });

  /** The prompt's ids, piece by piece in order. */
  async of(pieces: readonly PromptPiece[], tokenize: (text: string) => Promise<number[]>): Promise<number[]> {
    const parts = await Promise.all(
      pieces.map((piece) => ('ids' in piece ? Promise.resolve(piece.ids) : this.tokenized(piece.text, tokenize))),
    );
    return parts.flat();
  }

  private tokenized(text: string, tokenize: (text: string) => Promise<number[]>): Promise<number[]> {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const ids = tokenize(text);
    // A failed call is not remembered: the next prompt asks again.
    ids.catch(() => this.cache.delete(text));
    this.cache.set(text, ids);
    return ids;
  }
}
