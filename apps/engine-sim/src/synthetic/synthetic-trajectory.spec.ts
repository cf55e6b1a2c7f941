import { parseTrajectory, THREADWEAVER_DIALECT, validateFormat } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNTHETIC_OPTIONS } from './synthetic-options.js';
import { syntheticTrajectory } from './synthetic-trajectory.js';

describe('syntheticTrajectory', () => {
  it('is deterministic per seed, valid ThreadWeaver format, and ends in \\boxed{}', () => {
    const a = syntheticTrajectory(42, DEFAULT_SYNTHETIC_OPTIONS, THREADWEAVER_DIALECT);
    expect(syntheticTrajectory(42, DEFAULT_SYNTHETIC_OPTIONS, THREADWEAVER_DIALECT)).toEqual(a);
    expect(syntheticTrajectory(43, DEFAULT_SYNTHETIC_OPTIONS, THREADWEAVER_DIALECT).trajectory).not.toBe(a.trajectory);
    expect(validateFormat(a.trajectory).ok).toBe(true);
    expect(a.trajectory.endsWith(`$\\boxed{${a.answer}}$.`)).toBe(true);
  });

  it('follows the configured structure on average (Tab. 8 defaults)', () => {
    let blocks = 0;
    let threads = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const parsed = parseTrajectory(
        syntheticTrajectory(seed, DEFAULT_SYNTHETIC_OPTIONS, THREADWEAVER_DIALECT).trajectory,
      );
      const found = parsed.value.segments.filter((s) => s.kind === 'block');
      blocks += found.length;
      threads += found.reduce((n, b) => n + (b.kind === 'block' ? b.threads.length : 0), 0);
    }
    expect(blocks / 200).toBeGreaterThan(3.5);
    expect(blocks / 200).toBeLessThan(4.5);
    expect(threads / blocks).toBeGreaterThan(2.2);
    expect(threads / blocks).toBeLessThan(2.8);
  });
});
