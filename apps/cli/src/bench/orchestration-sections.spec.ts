import { describe, expect, it } from 'vitest';
import { selectSections } from './orchestration.bench.js';
import { UnknownBenchSectionError } from './unknown-bench-section.error.js';

describe('orchestration bench sections', () => {
  it('runs every section by default and the named ones, in suite order, with --only', () => {
    expect(selectSections(undefined).map((section) => section.name)).toEqual(['overhead', 'speedup', 'tracing']);
    expect(selectSections([]).map((section) => section.name)).toEqual(['overhead', 'speedup', 'tracing']);
    expect(selectSections(['tracing', 'overhead']).map((section) => section.name)).toEqual(['overhead', 'tracing']);
  });

  it('refuses an unknown section by name before anything runs', () => {
    expect(() => selectSections(['tracing', 'nope'])).toThrow(UnknownBenchSectionError);
    expect(() => selectSections(['nope'])).toThrow('unknown section nope (known: overhead, speedup, tracing)');
  });
});
