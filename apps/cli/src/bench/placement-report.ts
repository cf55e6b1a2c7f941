import type { BenchOutput } from './bench-suite.js';
import { mean } from './orchestration-stats.js';
import { HIGH, LOW } from './placement-arms.js';
import type { PlacementSample } from './placement-sample.js';

/** The samples of one arm at one load on one problem set. */
export interface PlacementRow {
  readonly arm: string;
  readonly corpus: 'long' | 'short';
  readonly load: number;
  readonly streams: number;
  readonly samples: readonly PlacementSample[];
}

/** Mean realized ÷ ideal over a row's problems. */
export function speedupRatio(row: PlacementRow): number {
  return mean(row.samples.map((sample) => sample.realized / sample.ideal));
}

/** Σ cached ÷ Σ prompt tokens over every thread call of a row (engine-reported usage). */
export function threadHitRatio(row: PlacementRow): number {
  const prompt = row.samples.reduce((sum, sample) => sum + sample.threadPromptTokens, 0);
  return prompt === 0 ? Number.NaN : row.samples.reduce((sum, sample) => sum + sample.threadCachedTokens, 0) / prompt;
}

/** Prints both tables, then each target of issue 16 against the row it concerns. */
export function reportPlacement(output: BenchOutput, rows: readonly PlacementRow[], capacity: number): void {
  for (const corpus of ['long', 'short'] as const) {
    const mine = rows.filter((row) => row.corpus === corpus);
    const forks = mine.flatMap((row) => row.samples.flatMap((sample) => sample.forkTokens));
    output.line(
      `  ${corpus === 'long' ? 'long-context' : 'short corpus'} problems, thread prompts (context at a fork) ${Math.min(...forks)}–${Math.max(...forks)} tokens`,
    );
    output.line(
      `  ${'load'.padEnd(14)} ${'arm'.padEnd(16)} ${'realized'.padStart(9)} ${'ideal'.padStart(7)} ${'ratio'.padStart(6)} ${'hit'.padStart(6)} ${'queue/ttft ms'.padStart(14)}  placed because`,
    );
    const byLoad = [...mine].sort((a, b) => a.load - b.load);
    for (const row of byLoad) output.line(rowLine(row, capacity));
  }
  for (const line of targetLines(rows)) output.line(line);
}

function rowLine(row: PlacementRow, capacity: number): string {
  const load = row.load === LOW ? 'low' : `${Math.round(row.load * 100)}% (${row.streams}/${capacity})`;
  const realized = `${mean(row.samples.map((s) => s.realized)).toFixed(2)}×`;
  const ideal = `${mean(row.samples.map((s) => s.ideal)).toFixed(2)}×`;
  const waits = `${mean(row.samples.map((s) => s.queueWaitMs)).toFixed(0)}/${mean(row.samples.map((s) => s.timeToFirstTokenMs)).toFixed(0)}`;
  const because = new Map<string, number>();
  for (const sample of row.samples)
    for (const [reason, count] of Object.entries(sample.because))
      because.set(reason, (because.get(reason) ?? 0) + count);
  const reasons = [...because.entries()].map(([reason, count]) => `${reason} ${count}`).join(', ');
  return `  ${load.padEnd(14)} ${row.arm.padEnd(16)} ${realized.padStart(9)} ${ideal.padStart(7)} ${speedupRatio(row).toFixed(2).padStart(6)} ${threadHitRatio(row).toFixed(2).padStart(6)} ${waits.padStart(14)}  ${reasons}`;
}

function find(rows: readonly PlacementRow[], arm: string, corpus: 'long' | 'short', load: number) {
  return rows.find((row) => row.arm.startsWith(arm) && row.corpus === corpus && row.load === load);
}

function check(label: string, value: number | undefined, holds: (value: number) => boolean, target: string): string {
  if (value === undefined || Number.isNaN(value)) return `  ${label.padEnd(52)} n/a       target ${target}`;
  return `  ${label.padEnd(52)} ${value.toFixed(2).padStart(6)}    target ${target} ${holds(value) ? '✓' : '✗'}`;
}

function targetLines(rows: readonly PlacementRow[]): string[] {
  const prefix = (load: number) => find(rows, '(c) prefix', 'long', load);
  const ratioOf = (row: PlacementRow | undefined) => (row === undefined ? undefined : speedupRatio(row));
  const lines = [
    check('(c) thread hit ratio, low load', prefix(LOW) && threadHitRatio(prefix(LOW)!), (v) => v >= 0.9, '≥ 0.90'),
    check('(c) realized ÷ ideal, low load', ratioOf(prefix(LOW)), (v) => v >= 0.95, '≥ 0.95'),
    check('(c) realized ÷ ideal, 90% load', ratioOf(prefix(HIGH)), (v) => v >= 0.9, '≥ 0.90'),
    check(
      '(c) + engine priority − (c), realized ÷ ideal at 90%',
      difference(ratioOf(find(rows, '(c) +', 'long', HIGH)), ratioOf(prefix(HIGH))),
      () => true,
      'report',
    ),
  ];
  for (const load of [...new Set(rows.filter((row) => row.corpus === 'short').map((row) => row.load))]) {
    const gap = difference(ratioOf(find(rows, '(c) prefix', 'short', load)), ratioOf(find(rows, '(b)', 'short', load)));
    const label = `short corpus (c) − (b), realized ÷ ideal, ${load === LOW ? 'low' : `${Math.round(load * 100)}%`}`;
    lines.push(check(label, gap, (v) => v >= -0.05, '≥ −0.05 (noise)'));
  }
  return lines;
}

function difference(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}
