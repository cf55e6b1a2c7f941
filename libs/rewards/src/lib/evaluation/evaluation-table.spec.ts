import { describe, expect, it } from 'vitest';
import { AVERAGE_ROW, evaluationTable } from './evaluation-table.js';
import { toGradedRollout } from './graded-rollout.js';
import { groupByDataset } from './labelled-rollouts.js';
import type { GradedRollout } from './graded-rollout.js';
import {
  accuracy,
  activationRatio,
  maxSpeedup,
  meanSpeedup,
  perProblemSpeedups,
  selfParallelismSpeedup,
} from './speedup-metrics.js';

const roll = (problemId: string, correct: boolean, total: number, critical: number): GradedRollout => ({
  problemId,
  correct,
  totalTokens: total,
  criticalPathTokens: critical,
  withParallel: critical < total,
});

// Problem p1: baseline latencies 100, 140 (mean 120); parallel 80 (correct) and 120 (wrong) → mean 100 → 1.2×.
// Problem p2: baseline 300 (wrong) and 200 (correct); parallel 100, 100 (both correct) → 250/100 = 2.5×.
const parallel = [
  roll('p1', true, 100, 80),
  roll('p1', false, 120, 120),
  roll('p2', true, 150, 100),
  roll('p2', true, 125, 100),
];
const baseline = [
  roll('p1', true, 100, 100),
  roll('p1', true, 140, 140),
  roll('p2', false, 300, 300),
  roll('p2', true, 200, 200),
];

describe('evaluation metrics (spec §3.2)', () => {
  it('computes per-problem speedups and their mean (not a ratio of means)', () => {
    expect(Object.fromEntries(perProblemSpeedups(parallel, baseline))).toEqual({ p1: 1.2, p2: 2.5 });
    expect(meanSpeedup(parallel, baseline)).toBeCloseTo(1.85, 12);
  });

  it('has a correct-only variant and its maximum', () => {
    // p1: 120 / 80 = 1.5; p2: 200 / 100 = 2.
    expect(Object.fromEntries(perProblemSpeedups(parallel, baseline, { correctOnly: true }))).toEqual({
      p1: 1.5,
      p2: 2,
    });
    expect(maxSpeedup(parallel, baseline)).toBe(2);
    // A problem without a correct rollout on one side is excluded.
    expect(meanSpeedup([roll('p3', false, 10, 5)], [roll('p3', true, 10, 10)], { correctOnly: true })).toBe(0);
  });

  it('computes activation ratio, self-parallelism speedup and accuracy', () => {
    expect(activationRatio(parallel)).toBe(0.75);
    expect(selfParallelismSpeedup(parallel)).toBeCloseTo((1.25 + 1 + 1.5 + 1.25) / 4, 12);
    expect(accuracy(parallel)).toBe(0.75);
    expect(
      accuracy([roll('a', true, 1, 1), roll('b', false, 1, 1), roll('b', false, 1, 1), roll('b', true, 1, 1)]),
    ).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });

  it('builds a graded rollout from a verdict and trajectory metrics', () => {
    const metrics = { totalTokens: 28, criticalPathTokens: 24, withParallel: true, blocks: 1 };
    expect(toGradedRollout('p9', { correct: true, metrics })).toEqual({
      problemId: 'p9',
      correct: true,
      totalTokens: 28,
      criticalPathTokens: 24,
      withParallel: true,
    });
  });

  it('turns graded rollouts into the paper table rows plus an Average row', () => {
    const rows = evaluationTable([
      { dataset: 'toy', parallel, baseline },
      { dataset: 'other', parallel: [roll('q', true, 10, 5)], baseline: [roll('q', true, 10, 10)] },
    ]);
    expect(rows.map((row) => row.dataset)).toEqual(['toy', 'other', AVERAGE_ROW]);
    expect(rows[0]).toMatchObject({
      accuracy: 0.75,
      baselineAccuracy: 0.75,
      tokenLatency: 100,
      baselineTokenLatency: 185,
      maxSpeedupCorrectOnly: 2,
      rollouts: 4,
    });
    expect(rows[2]!.speedup).toBeCloseTo((1.85 + 2) / 2, 12);
    expect(rows[2]!.maxSpeedupCorrectOnly).toBeUndefined();
    expect(evaluationTable([])).toEqual([]);
  });

  it('groups a flat labelled list by dataset, keeping first-seen order', () => {
    const labelled = [
      { ...roll('q', true, 10, 5), dataset: 'B', system: 'parallel' as const },
      { ...roll('p1', true, 100, 80), dataset: 'A', system: 'parallel' as const },
      { ...roll('q', true, 10, 10), dataset: 'B', system: 'baseline' as const },
    ];
    const groups = groupByDataset(labelled);
    expect(groups.map((g) => [g.dataset, g.parallel.length, g.baseline.length])).toEqual([
      ['B', 1, 1],
      ['A', 1, 0],
    ]);
    expect(evaluationTable(groups)[0]!.speedup).toBe(2);
  });
});
