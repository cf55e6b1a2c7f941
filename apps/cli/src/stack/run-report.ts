import type { TrajectoryMetrics } from '@threadloom/threading';

/** What `threadloom run` reports for one request, whichever runtime produced it. */
export interface RunReport {
  /** The assistant response without the end-of-sequence token. */
  readonly text: string;
  readonly metrics: RunMetrics;
  /** Engine calls issued (sequential steps plus threads). */
  readonly requests: number;
  /** Why the run ended early, when it did (printed on stderr, not part of the JSON). */
  readonly failure?: string;
}

/** Critical-path token metrics plus how the run ended and how long it took. */
export interface RunMetrics extends TrajectoryMetrics {
  /** totalTokens / criticalPathTokens: the ideal speedup of parallel decoding. */
  readonly tokenSpeedup: number;
  readonly termination: string;
  readonly wallClockMs: number;
}

/** Adds the derived fields to a metrics object. */
export function runMetrics(metrics: TrajectoryMetrics, termination: string, wallClockMs: number): RunMetrics {
  const tokenSpeedup = metrics.criticalPathTokens > 0 ? metrics.totalTokens / metrics.criticalPathTokens : 1;
  return { ...metrics, tokenSpeedup: round(tokenSpeedup, 4), termination, wallClockMs: Math.round(wallClockMs) };
}

/** The human rendering: the trajectory, then one metric a line. */
export function formatRunReport(report: RunReport): string {
  const m = report.metrics;
  const rows: [string, string][] = [
    ['total tokens', String(m.totalTokens)],
    ['critical path tokens', String(m.criticalPathTokens)],
    ['token speedup', `${m.tokenSpeedup.toFixed(2)}×`],
    ['acceleration η', m.acceleration.toFixed(3)],
    ['blocks', String(m.blocks)],
    ['threads per block', m.threadsPerBlock.toFixed(2)],
    ['engine requests', String(report.requests)],
    ['termination', m.termination],
    ['wall clock', `${m.wallClockMs} ms`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const table = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
  return `${report.text}\n\n── metrics ──\n${table}\n`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
