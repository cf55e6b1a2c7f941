import { describe, expect, it } from 'vitest';
import { grade } from '../grade.js';
import { GRADING_CATEGORIES } from './grading-case.js';
import { GRADING_CORPUS } from './grading-corpus.js';

describe('team grading corpus', () => {
  it('has at least 150 cases covering every category', () => {
    expect(GRADING_CORPUS.length).toBeGreaterThanOrEqual(150);
    const covered = new Set(GRADING_CORPUS.map((c) => c.category));
    const teamCategories = GRADING_CATEGORIES.filter((category) => category !== 'held-out');
    expect(teamCategories.filter((category) => !covered.has(category))).toEqual([]);
  });

  it('agrees with every verdict (100%; no known disagreements)', () => {
    // Verdicts, not speed: a generous cap keeps a loaded CI machine from turning a slow proof into a timeout.
    const disagreements = GRADING_CORPUS.map((c) => ({ c, result: grade(c.answer, c.truth, { timeLimitMs: 10_000 }) }))
      .filter(({ c, result }) => result.correct !== c.correct)
      .map(({ c, result }) => `${c.category}: ${c.answer.slice(0, 40)} vs ${String(c.truth)} → ${result.reason}`);
    expect(disagreements).toEqual([]);
  }, 60_000);

  it('keeps the reference grader false positives and negatives as regression cases', () => {
    const regressions = GRADING_CORPUS.filter((c) => c.category === 'reference-regressions');
    expect(regressions.length).toBeGreaterThanOrEqual(10);
    expect(regressions.some((c) => c.note?.includes('comma stripping') === true && c.correct)).toBe(true);
    expect(regressions.some((c) => c.note?.includes('comma stripping') === true && !c.correct)).toBe(true);
  });
});
