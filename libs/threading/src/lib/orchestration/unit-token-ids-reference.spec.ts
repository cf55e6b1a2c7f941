import { describe, expect, it } from 'vitest';
import type { CallUnit } from './orchestrator-state.js';
import {
  expandPromptIds,
  storePromptIds,
  unitPromptIds,
  unitSequenceIds,
  type StoredPromptIds,
} from './unit-token-ids.js';

// The ids read through references must equal the ids written out in full, unit by unit, as a state
// would be expanded naively (what these functions did before they followed references).
function naivePrompt(units: readonly CallUnit[], index: number): number[] | undefined {
  const stored = units[index]?.promptIds;
  if (stored === undefined) return undefined;
  const base = stored.from < 0 || stored.from >= index ? [] : naiveSequence(units, stored.from);
  return base === undefined ? undefined : [...base.slice(0, stored.keep), ...stored.tail];
}

function naiveSequence(units: readonly CallUnit[], index: number): number[] | undefined {
  const tokenIds = units[index]?.tokenIds;
  const prompt = tokenIds === undefined ? undefined : naivePrompt(units, index);
  return prompt === undefined || tokenIds === undefined ? undefined : [...prompt, ...tokenIds];
}

function naiveStore(units: readonly CallUnit[], promptIds: readonly number[]): StoredPromptIds {
  let best: StoredPromptIds = { from: -1, keep: 0, tail: promptIds };
  units.forEach((_, index) => {
    const sequence = naiveSequence(units, index);
    if (sequence === undefined) return;
    let keep = 0;
    while (keep < Math.min(sequence.length, promptIds.length) && sequence[keep] === promptIds[keep]) keep++;
    if (keep > best.keep) best = { from: index, keep, tail: promptIds.slice(keep) };
  });
  return best;
}

/** A small deterministic generator (tests need the same cases every run). */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
}

/** Units as runs build them (each prompt stored against earlier ones), with gaps and odd references mixed in. */
function randomUnits(seed: number): CallUnit[] {
  const next = lcg(seed);
  const units: CallUnit[] = [];
  for (let index = 0; index < 2 + next(10); index++) {
    const base = units.length === 0 ? [] : (naiveSequence(units, next(units.length)) ?? []);
    const prompt = [...base.slice(0, next(base.length + 1)), ...Array.from({ length: next(6) }, () => next(4))];
    const odd = next(8);
    const promptIds =
      odd === 0
        ? undefined
        : odd === 1
          ? { from: index + next(3), keep: next(5), tail: [next(4)] }
          : odd === 2
            ? { from: next(index + 1) - 1, keep: 50 + next(5), tail: [] }
            : naiveStore(units, prompt);
    const tokenIds = next(6) === 0 ? undefined : Array.from({ length: next(5) }, () => next(4));
    units.push({
      ...(promptIds === undefined ? {} : { promptIds }),
      ...(tokenIds === undefined ? {} : { tokenIds }),
    } as CallUnit);
  }
  return units;
}

describe('unit token ids read through references', () => {
  it('equal the fully expanded ids for prompts, sequences, stored references and new stores', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const units = randomUnits(seed);
      const next = lcg(seed * 31);
      units.forEach((unit, index) => {
        expect(unitPromptIds(units, index)).toEqual(naivePrompt(units, index));
        expect(unitSequenceIds(units, index)).toEqual(naiveSequence(units, index));
        if (unit.promptIds !== undefined) {
          const stored = unit.promptIds;
          const base = stored.from < 0 ? [] : naiveSequence(units, stored.from);
          const expected = base === undefined ? undefined : [...base.slice(0, stored.keep), ...stored.tail];
          expect(expandPromptIds(units, stored)).toEqual(expected);
        }
      });
      const sequence = naiveSequence(units, next(units.length)) ?? [];
      for (const probe of [sequence, sequence.slice(0, next(sequence.length + 1)), [...sequence, 1, 2], [3]]) {
        expect(storePromptIds(units, probe)).toEqual(naiveStore(units, probe));
      }
    }
  });
});
