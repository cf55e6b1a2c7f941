import { describe, expect, it } from 'vitest';
import { grade } from './grade.js';
import { GRADE_REASONS } from './grade-result.js';

const r = String.raw;

describe('grade', () => {
  it('returns the verdict, the reason and both normalised forms', () => {
    expect(grade(r`\$\dfrac{1}{2}.`, '0.5')).toEqual({
      correct: true,
      reason: GRADE_REASONS.equivalent,
      normalizedAnswer: r`\frac{1}{2}`,
      normalizedTruth: '0.5',
    });
  });

  it('treats a missing or empty answer as incorrect', () => {
    expect(grade(undefined, '5')).toMatchObject({ correct: false, reason: 'no-answer' });
    expect(grade('  $ $ ', '5')).toMatchObject({ correct: false, reason: 'no-answer' });
  });

  it('accepts any of several truths and extracts a boxed truth', () => {
    expect(grade('5', ['4', r`\boxed{5}`]).correct).toBe(true);
    expect(grade('6', ['4', '5'])).toMatchObject({ correct: false, normalizedTruth: '4' });
    expect(grade('6', [])).toMatchObject({ correct: false, reason: 'no-answer' });
  });

  it('never equates an approximation with an exact value', () => {
    expect(grade('3.14', r`\pi`)).toMatchObject({ correct: false, reason: 'approximation' });
    expect(grade('0.333', r`\frac13`)).toMatchObject({ correct: false, reason: 'approximation' });
  });

  it('keeps tuple order, set disorder and interval brackets', () => {
    expect(grade('(2,1)', '(1,2)').correct).toBe(false);
    expect(grade(r`\{2,1\}`, r`\{1,2\}`).correct).toBe(true);
    expect(grade('[1,2)', '[1,2]')).toMatchObject({ correct: false, reason: 'structure-mismatch' });
  });

  it('answers timeout when the time cap runs out, without throwing', () => {
    let t = 0;
    const now = (): number => (t += 60);
    expect(grade('(x+1)^2', 'x^2+2x+1', { timeLimitMs: 100, now })).toMatchObject({
      correct: false,
      reason: 'timeout',
    });
  });

  it('bounds pathological inputs', () => {
    expect(grade('1'.repeat(1_001), '1')).toMatchObject({ correct: false, reason: 'too-complex' });
    expect(grade('1', '1', { maxInputLength: 0 }).reason).toBe('too-complex');
    expect(grade(`${'('.repeat(60)}1${')'.repeat(60)}`, '1').reason).toBe('too-complex');
    expect(grade('9^{9^{9}}', '1').correct).toBe(false);
    expect(grade(r`\sum_{k=1}^{100000} k`, '5000050000', { timeLimitMs: 20 }).correct).toBe(false);
  });

  it('never equates different units, and converts money', () => {
    expect(grade(r`5\text{ m}`, r`5\text{ cm}`)).toMatchObject({ correct: false, reason: 'unit-mismatch' });
    expect(grade(r`50\text{ cents}`, r`\$0.50`).correct).toBe(true);
  });

  it('keeps the pre-issue-15 rules under the reference-code profile', () => {
    const reference = { profile: 'reference-code', timeLimitMs: 10_000 } as const;
    expect(grade(r`5\text{ m}`, r`5\text{ cm}`, reference).correct).toBe(true);
    expect(grade(r`\cos 36^\circ`, r`\frac{1+\sqrt5}{4}`, reference).correct).toBe(false);
    expect(grade('6:4', r`\frac32`, reference).correct).toBe(false);
    expect(grade('2x+4y=12', 'x+2y-6=0', reference).correct).toBe(false);
    expect(grade('x=2, y=3', 'x=3, y=2', reference).correct).toBe(false);
  });

  it('rejects division by zero on both sides', () => {
    expect(grade('1/0', '2/0').correct).toBe(false);
  });
});
