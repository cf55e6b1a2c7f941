import { describe, expect, it } from 'vitest';
import { groupAdvantages, rolloutAdvantages } from './group-advantages.js';

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

describe('groupAdvantages', () => {
  it('mean-centres without std by default', () => {
    const expected = [0.5625, 0.5125, -0.5375, -0.5375];
    groupAdvantages([1.1, 1.05, 0, 0]).forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, 12));
    expect(sum(groupAdvantages([1.1, 1.05, 0, 0]))).toBeCloseTo(0, 12);
  });

  it('keeps small acceleration differences small when every rollout is correct', () => {
    const advantages = groupAdvantages([1.1, 1.05, 1.05, 1.0]);
    expect(advantages.map((a) => Number(a.toFixed(6)))).toEqual([0.05, 0, 0, -0.05]);
  });

  it('divides by population or sample std plus epsilon on request', () => {
    // rewards 1, 0 → centred ±0.5; population std 0.5, sample std √0.5.
    expect(groupAdvantages([1, 0], { std: 'population', epsilon: 0 })).toEqual([1, -1]);
    const sample = groupAdvantages([1, 0], { std: 'sample', epsilon: 0 });
    expect(sample[0]).toBeCloseTo(0.5 / Math.sqrt(0.5), 12);
    expect(groupAdvantages([1, 1], { std: 'sample' })).toEqual([0, 0]);
  });

  it('gives a group of one mean 0 (its reward), as the public code', () => {
    expect(groupAdvantages([0.7])).toEqual([0.7]);
    expect(groupAdvantages([])).toEqual([]);
  });
});

describe('rolloutAdvantages', () => {
  it('groups by id, keeps input order, and sums to zero per group', () => {
    const rollouts = [
      { groupId: 'a', reward: 1 },
      { groupId: 'b', reward: -1 },
      { groupId: 'a', reward: 0 },
      { groupId: 'b', reward: 1.1 },
      { groupId: 'a', reward: 1.2 },
      { groupId: 'b', reward: -1 },
    ];
    const advantages = rolloutAdvantages(rollouts);
    for (const id of ['a', 'b']) {
      expect(sum(advantages.filter((_, i) => rollouts[i]!.groupId === id))).toBeCloseTo(0, 12);
    }
    expect(advantages[0]).toBeCloseTo(1 - 2.2 / 3, 12);
    expect(advantages[3]).toBeCloseTo(1.1 + 0.9 / 3, 12);
  });
});
