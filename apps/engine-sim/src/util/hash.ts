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
    a = Math.imul(a ^ t, 0x01000193) >>> 0;
    b = Math.imul(b ^ (t + 0x9e3779b9), 0x5bd1e995) >>> 0;
    b ^= b >>> 13;
  }
  return `${a.toString(36)}.${b.toString(36)}`;
}
