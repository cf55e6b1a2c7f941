import { describe, expect, it } from 'vitest';
import { grade } from './grade.js';

const r = String.raw;
const verdict = (answer: string, truth: string) => grade(answer, truth, { timeLimitMs: 10_000 });

describe('set forms', () => {
  it('evaluates operations, inequalities and differences to the same parts', () => {
    expect(verdict(r`\{1,3\}\cup\{2\}`, r`\{3,2,1\}`).correct).toBe(true);
    expect(verdict(r`-1 < x \le 4`, '(-1,4]').correct).toBe(true);
    expect(verdict(r`x<0, x>1`, r`(-\infty,0)\cup(1,\infty)`).correct).toBe(true);
    expect(verdict(r`\mathbb{R}\setminus\{0\}`, r`x \ne 0`).correct).toBe(true);
  });

  it('compares bounds exactly: a decimal bound is not an irrational one', () => {
    expect(verdict(r`x \le \sqrt2`, r`(-\infty, \sqrt{2}]`).correct).toBe(true);
    expect(verdict(r`x \le 1.4142135623731`, r`(-\infty, \sqrt{2}]`).correct).toBe(false);
  });

  it('falls back to the shape rules for sets of non-numbers and several variables', () => {
    expect(verdict(r`\{a\}\cup\{b\}`, r`\{a, b\}`).correct).toBe(false);
    expect(verdict('x < y', 'x < y').correct).toBe(true);
    expect(verdict('x < y', 'y < x').correct).toBe(false);
  });

  it('is switched off by the reference-code profile', () => {
    expect(grade(r`x \le 2`, r`(-\infty, 2]`, { profile: 'reference-code', timeLimitMs: 10_000 }).correct).toBe(false);
  });
});
