import { flattenMarks, flattenTrie } from './flatten-trie.js';
import { IGNORE_LABEL, packLabels } from './pack-labels.js';
import type { PackedSequence } from './packed-sequence.js';
import { PrefixTrie } from './prefix-trie.js';

/** One already-tokenized root path of the prefix tree and, per id, 1 where the model generated it. */
export interface TokenUnit {
  readonly ids: readonly number[];
  readonly trainable: readonly number[];
}

/**
 * A packed row of engine ids. Ids and labels are Float64Array: an engine's ids are any safe integers
 * (the simulator's go past 2^31), so they are not squeezed into the Int32Array of text-packed rows.
 */
export interface PackedIdsSequence extends Omit<PackedSequence, 'inputIds' | 'labels'> {
  readonly inputIds: Float64Array;
  readonly labels: Float64Array;
}

/**
 * Packs units that are already token ids (an RL rollout's engine calls, each its prompt ids followed by
 * its generated ids) with the same trie, flattening and own-unit labels as {@link packTrajectory}. A node
 * is trained when some unit generated it: a later call's prompt repeats earlier calls' output, and those
 * tokens stay trained where they were generated. `promptTokens` is reported as given (the chat prompt).
 */
export function packTokenUnits(units: readonly TokenUnit[], promptTokens: number): PackedIdsSequence {
  // The trie works on dense row-local ids so the flattened Int32 arrays hold any id; mapped back below.
  const dense = new Map<number, number>();
  const vocabulary: number[] = [];
  const denseId = (id: number): number => {
    const known = dense.get(id);
    if (known !== undefined) return known;
    dense.set(id, vocabulary.length);
    return vocabulary.push(id) - 1;
  };
  const trie = new PrefixTrie('any');
  for (const unit of units) trie.insert(unit.ids.map(denseId), unit.trainable);
  const flat = flattenTrie(trie);
  const { labels, lossMask } = packLabels(flat, promptTokens, 'own-unit', flattenMarks(trie));
  const original = (id: number): number => (id === IGNORE_LABEL ? IGNORE_LABEL : (vocabulary[id] ?? IGNORE_LABEL));
  return {
    ...flat,
    inputIds: Float64Array.from(flat.inputIds, original),
    labels: Float64Array.from(labels, original),
    lossMask,
    units: units.length,
    promptTokens,
  };
}
