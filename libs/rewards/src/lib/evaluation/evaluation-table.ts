import type { GradedRollout } from './graded-rollout.js';
import {
  accuracy,
  activationRatio,
  maxSpeedup,
  mean,
  meanSpeedup,
  meanTokenLatency,
  meanTotalTokens,
  selfParallelismSpeedup,
} from './speedup-metrics.js';

/** The rollouts of one dataset (benchmark) for the parallel model and its sequential baseline. */
export interface DatasetRollouts {
  readonly dataset: string;
  readonly parallel: readonly GradedRollout[];
  readonly baseline: readonly GradedRollout[];
}

/** One row of the paper's Tables 1–3 for a dataset (ratios as fractions, speedups as ×). */
export interface EvaluationRow {
  readonly dataset: string;
  readonly accuracy: number;
  readonly baselineAccuracy: number;
  readonly tokenLatency: number;
  readonly baselineTokenLatency: number;
  readonly totalTokens: number;
  readonly speedup: number;
  readonly speedupCorrectOnly: number;
  /** Absent in the Average row, as in the paper. */
  readonly maxSpeedupCorrectOnly?: number;
  readonly selfParallelismSpeedup: number;
  readonly activationRatio: number;
  readonly rollouts: number;
}

/** The label of the row that averages the dataset rows. */
export const AVERAGE_ROW = 'Average';

/** Builds one row per dataset plus an Average row (the mean of the dataset values; no max speedup). */
export function evaluationTable(datasets: readonly DatasetRollouts[]): EvaluationRow[] {
  const rows = datasets.map(evaluationRow);
  if (rows.length === 0) return rows;
  const avg = (pick: (row: EvaluationRow) => number): number => mean(rows.map(pick));
  rows.push({
    dataset: AVERAGE_ROW,
    accuracy: avg((r) => r.accuracy),
    baselineAccuracy: avg((r) => r.baselineAccuracy),
    tokenLatency: avg((r) => r.tokenLatency),
    baselineTokenLatency: avg((r) => r.baselineTokenLatency),
    totalTokens: avg((r) => r.totalTokens),
    speedup: avg((r) => r.speedup),
    speedupCorrectOnly: avg((r) => r.speedupCorrectOnly),
    selfParallelismSpeedup: avg((r) => r.selfParallelismSpeedup),
    activationRatio: avg((r) => r.activationRatio),
    rollouts: rows.reduce((sum, r) => sum + r.rollouts, 0),
  });
  return rows;
}

/** The row of one dataset. */
export function evaluationRow({ dataset, parallel, baseline }: DatasetRollouts): EvaluationRow {
  return {
    dataset,
    accuracy: accuracy(parallel),
    baselineAccuracy: accuracy(baseline),
    tokenLatency: meanTokenLatency(parallel),
    baselineTokenLatency: meanTokenLatency(baseline),
    totalTokens: meanTotalTokens(parallel),
    speedup: meanSpeedup(parallel, baseline),
    speedupCorrectOnly: meanSpeedup(parallel, baseline, { correctOnly: true }),
    maxSpeedupCorrectOnly: maxSpeedup(parallel, baseline),
    selfParallelismSpeedup: selfParallelismSpeedup(parallel),
    activationRatio: activationRatio(parallel),
    rollouts: parallel.length,
  };
}
