import type { CallUnit } from './orchestrator-state.js';

/**
 * A call's prompt ids, stored by reference: the first `keep` ids of unit `from`'s whole sequence (its
 * prompt ids, then its generated ids), followed by `tail`; `from` −1 means `tail` is the whole prompt.
 * Consecutive calls share nearly all of their context, so a state keeps each id about once instead of
 * once per call.
 */
export interface StoredPromptIds {
  readonly from: number;
  readonly keep: number;
  readonly tail: readonly number[];
}

/** The prompt ids of `units[index]` as the engine saw them; undefined when the engine returned none. */
export function unitPromptIds(units: readonly CallUnit[], index: number): number[] | undefined {
  return expandPrompt(units, index, new Map());
}

/** Prompt ids followed by generated ids of `units[index]`; undefined unless the engine returned both. */
export function unitSequenceIds(units: readonly CallUnit[], index: number): number[] | undefined {
  return expandSequence(units, index, new Map());
}

/** The ids a StoredPromptIds made against `units` stands for (undefined when its base unit has no ids). */
export function expandPromptIds(units: readonly CallUnit[], stored: StoredPromptIds): number[] | undefined {
  const base = stored.from < 0 ? [] : expandSequence(units, stored.from, new Map());
  return base === undefined ? undefined : [...base.slice(0, stored.keep), ...stored.tail];
}

/** Stores `promptIds` against the earlier unit whose sequence shares the longest prefix with it. */
export function storePromptIds(units: readonly CallUnit[], promptIds: readonly number[]): StoredPromptIds {
  const memo = new Map<number, number[] | undefined>();
  let best: StoredPromptIds = { from: -1, keep: 0, tail: promptIds };
  units.forEach((_, index) => {
    const sequence = expandSequence(units, index, memo);
    if (sequence === undefined) return;
    const keep = commonPrefix(sequence, promptIds);
    if (keep > best.keep) best = { from: index, keep, tail: promptIds.slice(keep) };
  });
  return best;
}

function expandPrompt(
  units: readonly CallUnit[],
  index: number,
  memo: Map<number, number[] | undefined>,
): number[] | undefined {
  const stored = units[index]?.promptIds;
  if (stored === undefined) return undefined;
  // A reference points strictly backwards (stored when the unit was added), so this recursion ends.
  const base = stored.from < 0 || stored.from >= index ? [] : expandSequence(units, stored.from, memo);
  if (base === undefined) return undefined;
  return [...base.slice(0, stored.keep), ...stored.tail];
}

function expandSequence(
  units: readonly CallUnit[],
  index: number,
  memo: Map<number, number[] | undefined>,
): number[] | undefined {
  if (memo.has(index)) return memo.get(index);
  const tokenIds = units[index]?.tokenIds;
  const prompt = tokenIds === undefined ? undefined : expandPrompt(units, index, memo);
  const sequence = prompt === undefined || tokenIds === undefined ? undefined : [...prompt, ...tokenIds];
  memo.set(index, sequence);
  return sequence;
}

function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const end = Math.min(a.length, b.length);
  let i = 0;
  while (i < end && a[i] === b[i]) i++;
  return i;
}
