import { describe, expect, it } from 'vitest';
import { MALFORMED_KINDS, WIDE_PLAN_OUTLINES, malformedCorpus, malformedTrajectory } from './malformed-corpus.js';
import { seededRandom } from './seeded-random.js';

const BASE =
  '<think>\nA.\n<Parallel>\n<Outlines>\n<Outline>1: x</Outline>\n</Outlines>\n<Thread>\n1: y\n</Thread>\n</Parallel>\nB.';

describe('malformedCorpus', () => {
  it('cycles through every kind, one distinct problem each, reproducibly per seed', () => {
    const entries = malformedCorpus(12, [BASE], seededRandom(3));
    expect(entries.map((entry) => entry.problem.match(/\((.+)\)/)?.[1])).toEqual([
      ...MALFORMED_KINDS,
      ...MALFORMED_KINDS,
    ]);
    expect(new Set(entries.map((entry) => entry.problem)).size).toBe(12);
    expect(malformedCorpus(12, [BASE], seededRandom(3))).toEqual(entries);
    // Each entry is its kind's generator on one seeded stream, in order; none is empty.
    const replay = seededRandom(3);
    expect(entries.map((entry) => entry.trajectory)).toEqual(
      entries.map((_, index) => malformedTrajectory(MALFORMED_KINDS[index % MALFORMED_KINDS.length]!, [BASE], replay)),
    );
    expect(entries.filter((entry) => entry.trajectory === '').map((entry) => entry.id)).toEqual([]);
  });

  it('writes a 200-outline plan, deep nesting and a strict prefix for truncation', () => {
    const wide = malformedTrajectory('wide-plan', [BASE], seededRandom(1));
    expect(wide.split('<Outline>').length - 1).toBe(WIDE_PLAN_OUTLINES);
    const nested = malformedTrajectory('nested', [BASE], seededRandom(1));
    // Depth 2 + ⌊30·r⌋ with seed 1's first draw: 20 blocks, each inside a thread of the one before.
    expect(nested.split('<Parallel>').length - 1).toBe(20);
    const cut = malformedTrajectory('truncated', [BASE], seededRandom(1));
    expect(BASE.startsWith(cut) && cut.length < BASE.length).toBe(true);
  });
});
