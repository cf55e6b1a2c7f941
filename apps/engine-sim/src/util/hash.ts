/** 32-bit FNV-1a over a string, optionally continuing from a previous hash (used for seeds). */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Two 32-bit hash lanes; their pair identifies a chain of blocks. */
interface BlockHash {
  readonly a: number;
  readonly b: number;
}

/** The parent of a prompt's first block. */
export const ROOT_BLOCK: BlockHash = Object.freeze({ a: 0x811c9dc5, b: 0x9747b28c });

/**
 * Chains a parent block hash with the token ids `tokens[start, end)` (read in place: a long prompt is
 * hashed block by block without copying it).
 */
export function hashBlock(parent: BlockHash, tokens: readonly number[], start: number, end: number): BlockHash {
  let { a, b } = parent;
  for (let i = start; i < end; i++) {
    const t = tokens[i] as number;
    // Ordinary ids go past 2^32 (piece-ids.ts): mix the high word in too.
    const low = t >>> 0;
    const high = Math.floor(t / 4294967296) >>> 0;
    a = Math.imul(Math.imul(a ^ low, 0x01000193) ^ high, 0x01000193) >>> 0;
    b = Math.imul(b ^ ((low + 0x9e3779b9) >>> 0) ^ Math.imul(high, 0x85ebca6b), 0x5bd1e995) >>> 0;
    b ^= b >>> 13;
  }
  return { a, b: b >>> 0 };
}

/** A block hash as one Map key: 32 bits of one lane and 21 of the other, a safe integer. */
export function blockKey(hash: BlockHash): number {
  return hash.a * 2 ** 21 + (hash.b >>> 11);
}
