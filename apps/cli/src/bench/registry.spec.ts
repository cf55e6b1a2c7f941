import { parseTrajectory, validateFormat } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { BENCH_SUITES, findBenchSuite } from './registry.js';
import { adversarialInput, syntheticTrajectory } from './threading-inputs.js';

describe('bench registry', () => {
  it('lists uniquely named suites, including threading', () => {
    const names = BENCH_SUITES.map((suite) => suite.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('all');
    expect(findBenchSuite('threading')?.name).toBe('threading');
    expect(findBenchSuite('nope')).toBeUndefined();
  });
});

describe('threading bench inputs', () => {
  it('generates a strictly valid synthetic trajectory', () => {
    const text = syntheticTrajectory(3);
    expect(validateFormat(text)).toEqual({ ok: true, issues: [] });
    expect(syntheticTrajectory(3)).toBe(text);
  });

  it('generates deterministic adversarial input of the requested size that parses without throwing', () => {
    const junk = adversarialInput(100_000);
    expect(junk.length).toBeGreaterThanOrEqual(100_000);
    expect(adversarialInput(100_000)).toBe(junk);
    expect(parseTrajectory(junk).ok).toBe(false);
  });
});
