import { describe, expect, it } from 'vitest';
import { IGNORE_LABEL } from './pack-labels.js';
import { packTokenUnits, type TokenUnit } from './pack-token-units.js';

const _ = IGNORE_LABEL;

/** An engine call: its prompt ids (never trained) then the ids it generated (trained). */
function call(prompt: number[], response: number[]): TokenUnit {
  return { ids: [...prompt, ...response], trainable: [...prompt.map(() => 0), ...response.map(() => 1)] };
}

// A parallel block as engine calls: 1 2 the chat prompt; call 0 generates 3 4 (the plan); threads 1 and 2
// get inserted headers 5 and 8 and generate 6 7 and 9; the step after the join sees both threads inline
// plus an inserted 12, and generates 13.
const CALLS = [
  call([1, 2], [3, 4]),
  call([1, 2, 3, 4, 5], [6, 7]),
  call([1, 2, 3, 4, 8], [9]),
  call([1, 2, 3, 4, 5, 6, 7, 8, 9, 12], [13]),
];

describe('packTokenUnits', () => {
  it('packs engine calls into the trie row: DFS order, depth positions, parents, intervals', () => {
    const packed = packTokenUnits(CALLS, 2);
    expect(Array.from(packed.inputIds)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 8, 9]);
    expect(Array.from(packed.positionIds)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4, 5]);
    expect(Array.from(packed.parent)).toEqual([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 11]);
    expect(Array.from(packed.tin)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(Array.from(packed.tout)).toEqual([12, 12, 12, 12, 10, 10, 10, 10, 10, 10, 10, 12, 12]);
    expect(packed.units).toBe(4);
    expect(packed.promptTokens).toBe(2);
  });

  it('trains each generated id once where it was generated, even when a later prompt repeats it', () => {
    const packed = packTokenUnits(CALLS, 2);
    expect(Array.from(packed.labels)).toEqual([_, 3, 4, _, 6, 7, _, _, _, 13, _, 9, _]);
    expect(Array.from(packed.lossMask)).toEqual([0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0]);
    const trained = Array.from(packed.labels).filter((label) => label !== IGNORE_LABEL);
    const generated = CALLS.flatMap((unit) => unit.ids.filter((_id, index) => unit.trainable[index] === 1));
    expect(trained.sort()).toEqual(generated.sort());
  });

  it('packs a single call as a plain causal row trained on its generated ids', () => {
    const single = packTokenUnits([call([1], [2, 3])], 1);
    expect(Array.from(single.inputIds)).toEqual([1, 2, 3]);
    expect(Array.from(single.labels)).toEqual([2, 3, _]);
    expect(Array.from(single.lossMask)).toEqual([1, 1, 0]);
  });
});

describe('packTokenUnits with ids past 2^31', () => {
  it('keeps every id exact in input_ids and labels', () => {
    const big = 2 ** 43 + 5;
    const packed = packTokenUnits([call([big], [2 ** 31, big])], 1);
    expect(Array.from(packed.inputIds)).toEqual([big, 2 ** 31, big]);
    expect(Array.from(packed.labels)).toEqual([2 ** 31, big, _]);
  });
});
