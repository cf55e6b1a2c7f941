import { describe, expect, it } from 'vitest';
import { compareUnits, rescaled } from './answer-units.js';
import { createDeadline } from './deadline.js';
import { inScope } from './math-engine.js';

const compare = (a: string | undefined, t: string | undefined) =>
  inScope(() =>
    compareUnits(
      a,
      t,
      createDeadline(10_000, () => performance.now()),
    ),
  );

describe('units', () => {
  it('ignores a unit on one side only and area labels', () => {
    expect(compare(undefined, String.raw`\text{ cm}`)).toEqual({ kind: 'same' });
    expect(compare('square units', 'units')).toEqual({ kind: 'same' });
  });

  it('unifies spellings through the engine and keeps powers apart', () => {
    expect(compare('meters', String.raw`\text{ m}`)).toEqual({ kind: 'same' });
    expect(compare('hours', 'hrs')).toEqual({ kind: 'same' });
    expect(compare('hours', 'minutes')).toEqual({ kind: 'different' });
    expect(compare(String.raw`\text{ cm}^2`, String.raw`\text{ cm}`)).toEqual({ kind: 'different' });
    expect(compare('apples', 'apple')).toEqual({ kind: 'same' });
  });

  it('converts money only', () => {
    expect(compare('$', 'cents')).toEqual({ kind: 'rescale', answerFactor: 100, truthFactor: 1 });
    expect(compare('km', 'm')).toEqual({ kind: 'different' });
    expect(rescaled('0.50', 100)).toBe(String.raw`100\cdot(0.50)`);
  });
});
