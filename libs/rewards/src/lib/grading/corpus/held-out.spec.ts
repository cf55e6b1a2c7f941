import { describe, expect, it } from 'vitest';
import { grade } from '../grade.js';
import { GRADING_HELD_OUT } from './grading-corpus.js';

describe('held-out grading check (written before the issue-15 rules)', () => {
  // Graded once for all three checks (outside a test, so no per-test timeout applies to a loaded machine).
  const results = GRADING_HELD_OUT.map((c) => ({ c, result: grade(c.answer, c.truth, { timeLimitMs: 10_000 }) }));

  it('has at least 100 pairs with both verdicts', () => {
    expect(GRADING_HELD_OUT.length).toBeGreaterThanOrEqual(100);
    expect(GRADING_HELD_OUT.some((c) => c.correct) && GRADING_HELD_OUT.some((c) => !c.correct)).toBe(true);
  });

  it('never says "equal" where a careful grader says not (units, magnitudes, anything)', () => {
    const falseEqual = results.filter(({ c, result }) => result.correct && !c.correct).map(({ c }) => c.answer);
    expect(falseEqual).toEqual([]);
  });

  it('agrees on at least 98% of the pairs', () => {
    const agree = results.filter(({ c, result }) => result.correct === c.correct).length;
    expect(agree / results.length).toBeGreaterThanOrEqual(0.98);
  });
});
