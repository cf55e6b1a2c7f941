import { formatTwoColumnTable } from '../stack/two-column-table.js';
import type { MalformedLine } from './input-lines.js';
import { failureReasonOf, tokenSpeedupOf, type ResultLine } from './result-line.js';

/** The outcome of a `submit` run (every run of the same output file together). */
interface SubmitSummary {
  readonly lines: number;
  readonly completed: number;
  readonly failed: number;
  /** Lines without a result (and not failed): the run was interrupted or is still going. */
  readonly unfinished: number;
  /** Count per reason, malformed and rejected lines included. */
  readonly failures: Readonly<Record<string, number>>;
  readonly graded: number;
  readonly correct: number;
  readonly accuracy: number | null;
  readonly meanTokenSpeedup: number | null;
  /** From the first request's creation to the last one's end, by the API's clocks. */
  readonly wallClockMs: number | null;
}

/** Folds the result lines and the lines that could not be sent into the summary. */
export function summarizeSubmit(
  results: readonly ResultLine[],
  unsent: readonly MalformedLine[],
  submittedLines: number,
): SubmitSummary {
  const failures: Record<string, number> = {};
  const count = (reason: string): void => {
    failures[reason] = (failures[reason] ?? 0) + 1;
  };
  for (const line of unsent)
    count(line.reason.startsWith('rejected by the API') ? 'rejected by the API' : 'malformed line');
  let completed = 0,
    graded = 0,
    correct = 0;
  const speedups: number[] = [];
  for (const line of results) {
    const reason = failureReasonOf(line);
    if (reason !== undefined) count(reason);
    else completed += 1;
    if (typeof line.correct === 'boolean') {
      graded += 1;
      if (line.correct) correct += 1;
    }
    const speedup = tokenSpeedupOf(line);
    if (speedup !== undefined) speedups.push(speedup);
  }
  return {
    lines: submittedLines + unsent.length,
    completed,
    failed: results.length - completed + unsent.length,
    unfinished: Math.max(submittedLines - results.length, 0),
    failures,
    graded,
    correct,
    accuracy: graded === 0 ? null : correct / graded,
    meanTokenSpeedup: speedups.length === 0 ? null : speedups.reduce((sum, value) => sum + value, 0) / speedups.length,
    wallClockMs: wallClockOf(results),
  };
}

function wallClockOf(results: readonly ResultLine[]): number | null {
  const bodies = results.flatMap((line) => (line.response === null ? [] : [line.response.body]));
  if (bodies.length === 0) return null;
  const start = Math.min(...bodies.map((body) => Date.parse(body.created_at)));
  const end = Math.max(...bodies.map((body) => Date.parse(body.updated_at)));
  return end - start;
}

/** The summary as the table `submit` prints. */
export function formatSubmitSummary(summary: SubmitSummary): string {
  const percent = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const rows: [string, string][] = [
    ['lines', String(summary.lines)],
    ['completed', String(summary.completed)],
    ['failed', String(summary.failed)],
    ...(summary.unfinished > 0 ? [['unfinished', String(summary.unfinished)] as [string, string]] : []),
    ['accuracy', summary.graded === 0 ? 'n/a' : `${percent(summary.accuracy)} (${summary.correct}/${summary.graded})`],
    ['mean token speedup', summary.meanTokenSpeedup === null ? 'n/a' : `${summary.meanTokenSpeedup.toFixed(2)}×`],
    ['wall clock', summary.wallClockMs === null ? 'n/a' : `${(summary.wallClockMs / 1000).toFixed(1)} s`],
    ...Object.entries(summary.failures)
      .sort(([, a], [, b]) => b - a)
      .map(([reason, n]): [string, string] => [`  ${reason}`, String(n)]),
  ];
  return formatTwoColumnTable(rows);
}
