import { formatTwoColumnTable } from './two-column-table.js';

/** What became of one problem of a batch. */
export interface BatchOutcome {
  readonly id: string;
  readonly status: string;
  /** Graded against the reference answer; undefined when the request did not complete. */
  readonly correct: boolean | undefined;
  /** totalTokens / criticalPathTokens of the completed response. */
  readonly tokenSpeedup: number | undefined;
}

/** Aggregates of a finished batch. */
interface BatchSummary {
  readonly submitted: number;
  readonly completed: number;
  readonly failed: number;
  /** Correct / completed, or null when nothing completed. */
  readonly accuracy: number | null;
  readonly meanTokenSpeedup: number | null;
  readonly wallClockMs: number;
}

/** Folds outcomes into the numbers the demo prints. */
export function summarizeBatch(outcomes: readonly BatchOutcome[], wallClockMs: number): BatchSummary {
  const completed = outcomes.filter((outcome) => outcome.status === 'completed');
  const correct = completed.filter((outcome) => outcome.correct === true).length;
  const speedups = completed.flatMap((outcome) => (outcome.tokenSpeedup === undefined ? [] : [outcome.tokenSpeedup]));
  return {
    submitted: outcomes.length,
    completed: completed.length,
    failed: outcomes.length - completed.length,
    accuracy: completed.length === 0 ? null : correct / completed.length,
    meanTokenSpeedup: speedups.length === 0 ? null : speedups.reduce((sum, value) => sum + value, 0) / speedups.length,
    wallClockMs,
  };
}

/** A two-column table of the summary. */
export function formatBatchSummary(summary: BatchSummary): string {
  const rows: [string, string][] = [
    ['requests', String(summary.submitted)],
    ['completed', String(summary.completed)],
    ['failed', String(summary.failed)],
    ['accuracy', summary.accuracy === null ? 'n/a' : `${(summary.accuracy * 100).toFixed(1)}%`],
    ['mean token speedup', summary.meanTokenSpeedup === null ? 'n/a' : `${summary.meanTokenSpeedup.toFixed(2)}×`],
    ['wall clock', `${(summary.wallClockMs / 1000).toFixed(1)} s`],
    ['throughput', `${(summary.submitted / Math.max(summary.wallClockMs / 1000, 0.001)).toFixed(2)} requests/s`],
  ];
  return formatTwoColumnTable(rows);
}
