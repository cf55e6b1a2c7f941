import { describe, expect, it } from 'vitest';
import { intersect, ray, REAL_LINE, realSet, subtract, unite } from './real-set.js';
import type { Bound, RealSet } from './real-set.js';

const at = (value: number, closed = true): Bound => ({ json: value, value, closed });
const interval = (lo: number, hi: number, loClosed = true, hiClosed = true): RealSet =>
  realSet([{ lo: at(lo, loClosed), hi: at(hi, hiClosed) }]);
const show = (set: RealSet): string =>
  set.map((p) => `${p.lo.closed ? '[' : '('}${p.lo.value},${p.hi.value}${p.hi.closed ? ']' : ')'}`).join('∪');

describe('real sets', () => {
  it('merges touching parts only when the point is included', () => {
    expect(show(unite(interval(0, 2, false, false), interval(2, 5)))).toBe('(0,5]');
    expect(show(unite(interval(0, 2, false, false), interval(2, 5, false)))).toBe('(0,2)∪(2,5]');
  });

  it('intersects, subtracts points and complements rays', () => {
    expect(show(intersect(interval(1, 3), interval(2, 4)))).toBe('[2,3]');
    expect(show(subtract(interval(0, 5), interval(3, 3)))).toBe('[0,3)∪(3,5]');
    expect(show(subtract(REAL_LINE, interval(0, 0)))).toBe('(-Infinity,0)∪(0,Infinity)');
    expect(show(intersect(ray(at(-1, false), false), ray(at(4), true)))).toBe('(-1,4]');
  });

  it('drops empty parts', () => {
    expect(intersect(interval(0, 1), interval(2, 3))).toEqual([]);
    expect(realSet([{ lo: at(1), hi: at(1, false) }])).toEqual([]);
  });
});
