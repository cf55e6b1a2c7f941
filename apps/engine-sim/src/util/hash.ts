/** 32-bit FNV-1a over a string, optionally continuing from a previous hash (used for seeds). */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Chains a parent block hash with a block of token ids (two 32-bit lanes, returned as a key). */
export function hashBlock(parent: string, tokens: readonly number[]): string {
  let a = hashString(parent, 0x811c9dc5);
  let b = hashString(parent, 0x9747b28c);
  for (const t of tokens) {
    // Ordinary ids go past 2^32 (piece-ids.ts): mix the high word in too.
    const low = t >>> 0;
    const high = Math.floor(t / 4294967296) >>> 0;
    a = Math.imul(Math.imul(a ^ low, 0x01000193) ^ high, 0x01000193) >>> 0;
    b = Math.imul(b ^ ((low + 0x9e3779b9) >>> 0) ^ Math.imul(high, 0x85ebca6b), 0x5bd1e995) >>> 0;
    b ^= b >>> 13;
  }
  return `${a.toString(36)}.${b.toString(36)}`;
}
