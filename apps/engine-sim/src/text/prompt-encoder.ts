import { LRUCache } from 'lru-cache';
import type { SimTokenizer } from './sim-tokenizer.js';

/** Recent prompts kept with their tokens (a 30k-token prompt: ~0.5 MB of ids and offsets). */
const CAPACITY = 16;
/** Shared prefixes shorter than this (characters) are not worth a lookup: the prompt is encoded whole. */
const MIN_REUSE = 4_096;
/** A shared prefix that leaves at most this many characters to encode ends the search for a better one. */
const GOOD_ENOUGH = 2_048;
/** How far back (tokens) from the end of the shared prefix a restart point is looked for. */
const MAX_BACKTRACK = 4_096;
const WHITESPACE = /\s/u;

interface EncodedPrompt {
  readonly text: string;
  readonly ids: readonly number[];
  /** Start offset of each token in `text`. */
  readonly starts: readonly number[];
}

/**
 * Prompt token ids with the tokens of recent prompts reused. Consecutive calls of one request repeat the
 * whole context (a thread's prompt is the step's prompt plus its output and a header; the `/tokenize` a
 * client sends first carries the very text of the completion that follows), so a prompt that extends a
 * recent one is tokenized from a restart point near the end of what they share instead of from the start.
 *
 * The restart point is the start of a line whose first character is not whitespace, at least one special
 * token's length before the shared prefix ends. Nothing the tokenizer decides before it depends on text
 * after it: special tokens cannot straddle it, and no pre-token pattern (letter, punctuation, newline and
 * whitespace runs; none looks behind) runs across a newline into a non-space character. So the tokens
 * before it are those of the recent prompt, and the result equals `tokenizer.encode(text)` exactly.
 */
export class PromptEncoder {
  private readonly recent = new LRUCache<string, EncodedPrompt>({ max: CAPACITY });

  constructor(readonly tokenizer: SimTokenizer) {}

  /** The token ids of `text`, exactly as `tokenizer.encode(text)` gives them. */
  ids(text: string): readonly number[] {
    const known = this.recent.get(text);
    if (known !== undefined) return known.ids;
    const encoded = this.extend(text) ?? this.encodeFrom(text, 0, { ids: [], starts: [] });
    this.recent.set(text, encoded);
    return encoded.ids;
  }

  /**
   * `text` encoded from a restart point of a recent prompt sharing a long prefix with it: the most recent
   * first, stopping at one that leaves little to encode (siblings share all but a header, so the first
   * one compared usually does).
   */
  private extend(text: string): EncodedPrompt | undefined {
    let base: EncodedPrompt | undefined;
    let shared = MIN_REUSE - 1;
    // Most recently used first (the cache's iteration order).
    for (const candidate of this.recent.values()) {
      const length = commonPrefixLength(candidate.text, text);
      if (length > shared) [base, shared] = [candidate, length];
      if (text.length - shared <= GOOD_ENOUGH) break;
    }
    if (base === undefined) return undefined;
    const index = this.restartIndex(base, shared);
    if (index === undefined) return undefined;
    const kept = { ids: base.ids.slice(0, index), starts: base.starts.slice(0, index) };
    return this.encodeFrom(text, base.starts[index] as number, kept);
  }

  /** The index of the last token of `base` that starts a restart point within its first `shared` characters. */
  private restartIndex(base: EncodedPrompt, shared: number): number | undefined {
    const bound = shared - this.tokenizer.maxSpecialLength - 1;
    let index = lastStartAtOrBefore(base.starts, bound);
    for (let steps = 0; index > 0 && steps < MAX_BACKTRACK; index--, steps++) {
      const at = base.starts[index] as number;
      if (base.text[at - 1] === '\n' && !WHITESPACE.test(base.text[at] as string)) return index;
    }
    return undefined;
  }

  /** `text` from `offset` encoded and appended to `kept` (the tokens before `offset`, taken over). */
  private encodeFrom(text: string, offset: number, kept: { ids: number[]; starts: number[] }): EncodedPrompt {
    const { ids, starts } = kept;
    let at = offset;
    for (const token of this.tokenizer.encode(offset === 0 ? text : text.slice(offset))) {
      ids.push(token.id);
      starts.push(at);
      at += token.text.length;
    }
    return { text, ids, starts };
  }
}

/** Characters compared at a time: equal flat strings compare natively, far faster than char by char. */
const CHUNK = 4_096;

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The index of the last entry of ascending `starts` that is ≤ `bound` (−1 when none). */
function lastStartAtOrBefore(starts: readonly number[], bound: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
