/** Traced − untraced over cycles run back to back: what one side costs more than the other, with its uncertainty. */
export interface PairedDifference {
  readonly pairs: number;
  /** Mean of (a − b) over the pairs, ms. */
  readonly mean: number;
  /** Half-width of the 95% confidence interval of that mean (normal approximation), ms; NaN under 2 pairs. */
  readonly halfWidth95: number;
  /** Median of (a − b), ms. */
  readonly median: number;
}

/**
 * Compares two sides measured in adjacent pairs. Pairing cancels the load drift both sides of a pair share
 * (other processes on the same cores), and averaging many differences resolves less than one cycle's noise,
 * which a quantile of each side alone cannot. Pairs with either side missing are skipped.
 */
export function pairedDifference(
  pairs: readonly (readonly [number | undefined, number | undefined])[],
): PairedDifference {
  const diffs = pairs.flatMap(([a, b]) => (a === undefined || b === undefined ? [] : [a - b]));
  const n = diffs.length;
  if (n === 0) return { pairs: 0, mean: Number.NaN, halfWidth95: Number.NaN, median: Number.NaN };
  const mean = diffs.reduce((sum, d) => sum + d, 0) / n;
  const variance = n < 2 ? Number.NaN : diffs.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1);
  const sorted = [...diffs].sort((x, y) => x - y);
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { pairs: n, mean, halfWidth95: 1.96 * Math.sqrt(variance / n), median };
}
