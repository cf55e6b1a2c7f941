import { describe, expect, it } from 'vitest';
import { createDeadline } from './deadline.js';
import { compareEquations } from './equation-relation.js';
import { inScope, parseMath } from './math-engine.js';

const same = (answer: string, truth: string, scaled = true): boolean =>
  inScope(() => {
    const deadline = createDeadline(10_000, () => performance.now());
    const a = parseMath(answer, deadline);
    const t = parseMath(truth, deadline);
    if (a === undefined || t === undefined) throw new Error(`unparsed: ${answer} / ${truth}`);
    return compareEquations(a, t, deadline, scaled).correct;
  });

describe('compareEquations', () => {
  it('takes a rearranged equation as the same relation', () => {
    expect(same('x+2y-6=0', '2y=6-x')).toBe(true);
    expect(same('y=2x+1', '2x-y+1=0')).toBe(true);
  });

  it('takes a scaled equation as the same relation, but only with scaling allowed', () => {
    expect(same('2x+4y=12', 'x+2y=6')).toBe(true);
    expect(same('2y=4x+2', 'y=2x+1')).toBe(true);
    expect(same('2x+4y=12', 'x+2y=6', false)).toBe(false);
    expect(same('x+2y-6=0', '6=x+2y', false)).toBe(true);
  });

  it('tells different relations apart', () => {
    expect(same('x+2y=6', 'x+2y=7')).toBe(false);
    expect(same('y=x^2', 'y=2x')).toBe(false);
    expect(same('y=2x+1', 'y=2x-1')).toBe(false);
  });
});
