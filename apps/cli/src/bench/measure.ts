import { performance } from 'node:perf_hooks';

/** Median wall time of `run` in seconds: at least `minRuns` runs and about `budgetMs` of work, at most `maxRuns`. */
export async function medianSeconds(
  run: () => unknown,
  options: { budgetMs?: number; minRuns?: number; maxRuns?: number } = {},
): Promise<number> {
  const { budgetMs = 1500, minRuns = 3, maxRuns = 200 } = options;
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    await run();
    samples.push((performance.now() - t0) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** Megabytes (10^6 bytes of UTF-8) per second. */
export function megabytesPerSecond(bytes: number, seconds: number): number {
  return seconds > 0 ? bytes / 1e6 / seconds : Number.POSITIVE_INFINITY;
}

/** A fixed-width result row: `label ........ 123.4 MB/s (detail)`. */
export function row(label: string, mbPerSecond: number, detail = ''): string {
  const rate = Number.isFinite(mbPerSecond) ? mbPerSecond.toFixed(1).padStart(8) : '     inf';
  return `  ${label.padEnd(44)} ${rate} MB/s${detail ? `  ${detail}` : ''}`;
}
