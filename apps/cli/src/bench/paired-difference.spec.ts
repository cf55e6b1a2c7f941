import { describe, expect, it } from 'vitest';
import { pairedDifference } from './paired-difference.js';

describe('pairedDifference', () => {
  it('averages the differences of complete pairs and skips incomplete ones', () => {
    const result = pairedDifference([
      [25, 24],
      [27, 24],
      [undefined, 30],
      [24, 24],
      [26, undefined],
    ]);
    expect(result.pairs).toBe(3);
    expect(result.mean).toBeCloseTo(4 / 3, 10);
    expect(result.median).toBe(1);
  });

  it('gives the 95% interval of the mean from the spread of the differences', () => {
    // Differences 1, 3: mean 2, sample standard deviation √2, half-width 1.96·√2/√2 = 1.96.
    const result = pairedDifference([
      [11, 10],
      [13, 10],
    ]);
    expect(result.mean).toBe(2);
    expect(result.median).toBe(2);
    expect(result.halfWidth95).toBeCloseTo(1.96, 10);
  });

  it('resolves less than a millisecond from whole-millisecond samples', () => {
    const pairs = Array.from({ length: 100 }, (_, index): [number, number] => [index % 4 === 0 ? 25 : 24, 24]);
    expect(pairedDifference(pairs).mean).toBeCloseTo(0.25, 10);
  });

  it('says nothing without pairs', () => {
    const result = pairedDifference([[undefined, 3]]);
    expect(result.pairs).toBe(0);
    expect(result.mean).toBeNaN();
    expect(result.halfWidth95).toBeNaN();
  });
});
