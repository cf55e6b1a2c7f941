import type { FlatTrie } from './flatten-trie.js';

/** Label value of a node that gets no loss (the PyTorch cross-entropy ignore index). */
export const IGNORE_LABEL = -100;

/**
 * How targets are chosen. `own-unit`: a node's target is the next token of its own unit (its first
 * child), and the last token of a unit has none. `reference`: the flattened neighbour, as the
 * reference collator's shift does, which trains one spurious target per thread copy (spec §5.5).
 */
export const LABEL_MODES = ['own-unit', 'reference'] as const;
/** One of {@link LABEL_MODES}. */
export type LabelMode = (typeof LABEL_MODES)[number];

/** Targets already shifted (labels[i] is what position i predicts) and the loss mask. */
export interface PackLabels {
  readonly labels: Int32Array;
  readonly lossMask: Uint8Array;
}

/**
 * Labels and loss mask: only targets inside the assistant turn (at or after `promptLength`) are
 * trained. `own-unit` compares trie depth, `reference` the flattened index, as the reference does.
 * With `trainable` (one entry per node), a target is trained only where it is 1 instead: RL rows train
 * exactly the tokens the model generated, in the context it generated them in.
 */
export function packLabels(flat: FlatTrie, promptLength: number, mode: LabelMode, trainable?: Uint8Array): PackLabels {
  const length = flat.inputIds.length;
  const labels = new Int32Array(length).fill(IGNORE_LABEL);
  const lossMask = new Uint8Array(length);
  for (let index = 0; index + 1 < length; index += 1) {
    const next = index + 1;
    const ownChild = flat.parent[next] === index;
    const targetPosition = mode === 'own-unit' ? (flat.positionIds[next] ?? 0) : next;
    const inScope = trainable === undefined ? targetPosition >= promptLength : trainable[next] === 1;
    if ((mode === 'reference' || ownChild) && inScope) {
      labels[index] = flat.inputIds[next] ?? IGNORE_LABEL;
      lossMask[index] = 1;
    }
  }
  return { labels, lossMask };
}
