import { describe, expect, it } from 'vitest';
import { selectSections } from './orchestration.bench.js';
import { threadHitRatio, speedupRatio, type PlacementRow } from './placement-report.js';
import type { PlacementSample } from './placement-sample.js';
import { UnknownBenchSectionError } from './unknown-bench-section.error.js';

const sample = (realized: number, ideal: number, prompt: number, cached: number): PlacementSample => ({
  realized,
  ideal,
  threadPromptTokens: prompt,
  threadCachedTokens: cached,
  forkTokens: [prompt, prompt],
  queueWaitMs: 0,
  timeToFirstTokenMs: 0,
  because: {},
});

describe('orchestration bench sections', () => {
  it('runs overhead, speedup and tracing by default and the placement and call-cost sections only when named', () => {
    expect(selectSections(undefined).map((section) => section.name)).toEqual(['overhead', 'speedup', 'tracing']);
    expect(selectSections([]).map((section) => section.name)).toEqual(['overhead', 'speedup', 'tracing']);
    expect(selectSections(['placement', 'tracing']).map((section) => section.name)).toEqual(['tracing', 'placement']);
    expect(selectSections(['call-cost']).map((section) => section.name)).toEqual(['call-cost']);
  });

  it('refuses an unknown section by name before anything runs', () => {
    expect(() => selectSections(['tracing', 'nope'])).toThrow(UnknownBenchSectionError);
    expect(() => selectSections(['nope'])).toThrow(
      'unknown section nope (known: overhead, speedup, tracing, placement, call-cost)',
    );
  });
});

describe('placement report figures', () => {
  it('weighs the hit ratio by tokens over every thread call and averages realized ÷ ideal per problem', () => {
    const row: PlacementRow = {
      arm: '(c) prefix',
      corpus: 'long',
      load: 0,
      streams: 0,
      samples: [sample(1.5, 2, 30_000, 29_000), sample(2, 2, 10_000, 1_000)],
    };
    expect(threadHitRatio(row)).toBe(30_000 / 40_000);
    expect(speedupRatio(row)).toBe((0.75 + 1) / 2);
    expect(threadHitRatio({ ...row, samples: [] })).toBeNaN();
  });
});
