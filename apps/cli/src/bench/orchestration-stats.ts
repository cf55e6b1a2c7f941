/** The q-quantile (0..1) of samples by nearest rank; NaN when empty. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Arithmetic mean; NaN when empty. */
export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((sum, value) => sum + value, 0) / samples.length;
}

/** A fixed-width comparison row: `label  measured  baseline  ratio  (target)`. */
export function ratioRow(label: string, measured: string, baseline: string, ratio: number, target: string): string {
  const shown = Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
  return `  ${label.padEnd(34)} ${measured.padStart(14)} ${baseline.padStart(14)} ${shown.padStart(8)}   target ${target}`;
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Milliseconds elapsed since `start` (a performance.now() reading). */
export function since(start: number): number {
  return performance.now() - start;
}
