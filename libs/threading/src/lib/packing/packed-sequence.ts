import type { FlatTrie } from './flatten-trie.js';
import type { PackLabels } from './pack-labels.js';

/** One trajectory packed for training: equal-length arrays, one entry per trie node, plus the unit count. */
export interface PackedSequence extends FlatTrie, PackLabels {
  /** How many unit sequences were packed (the whole trajectory plus one per thread). */
  readonly units: number;
  /** Tokens of the chat prompt (the shared prefix that gets no loss). */
  readonly promptTokens: number;
}

/** Bytes the packed arrays take. */
export function packedBytes(packed: PackedSequence): number {
  const arrays = [packed.inputIds, packed.positionIds, packed.parent, packed.tin, packed.tout, packed.labels];
  return arrays.reduce((sum, array) => sum + array.byteLength, packed.lossMask.byteLength);
}
