import { describe, expect, it } from 'vitest';
import { killTarget } from './kill-target.js';

describe('killTarget', () => {
  it('spreads the short form’s 10 kills over the first two thirds of its 50 requests', () => {
    const targets = Array.from({ length: 10 }, (_, index) => killTarget(index, 10, 50));
    expect(targets).toEqual([0, 3, 6, 10, 13, 16, 20, 23, 26, 30]);
  });

  it('leaves a third of the long form’s 300 requests after its 60th kill', () => {
    expect(killTarget(59, 60, 300)).toBe(196);
  });
});
