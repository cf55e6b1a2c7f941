// Subsets of the real line as sorted, disjoint unions of intervals: the algebra behind set answers with
// operations (`\cup`, `\cap`, `\setminus`), inequalities and intervals. Bound values are numbers (from the
// engine's numeric evaluation) and only order and merge the parts; whether two answers' bounds are equal is
// decided afterwards by the exact scalar comparison, on the bounds' own expressions.

/** One end of an interval: its expression (MathJSON), numeric value and whether it is included. */
export interface Bound {
  readonly json: unknown;
  readonly value: number;
  readonly closed: boolean;
}

/** An interval `lo … hi`; a point is a closed interval with equal ends. */
export interface RealInterval {
  readonly lo: Bound;
  readonly hi: Bound;
}

/** A union of disjoint, non-touching intervals in increasing order. */
export type RealSet = readonly RealInterval[];

const NEGATIVE_INFINITY: Bound = { json: 'NegativeInfinity', value: -Infinity, closed: false };
const POSITIVE_INFINITY: Bound = { json: 'PositiveInfinity', value: Infinity, closed: false };

/** The whole real line. */
export const REAL_LINE: RealSet = [{ lo: NEGATIVE_INFINITY, hi: POSITIVE_INFINITY }];

/** A canonical set from any list of intervals: empty ones dropped, the rest sorted and merged. */
export function realSet(parts: readonly RealInterval[]): RealSet {
  const kept = parts
    .filter(isNonEmpty)
    .sort((a, b) => a.lo.value - b.lo.value || Number(b.lo.closed) - Number(a.lo.closed));
  const merged: RealInterval[] = [];
  for (const part of kept) {
    const last = merged[merged.length - 1];
    if (last !== undefined && overlapsOrTouches(last, part))
      merged[merged.length - 1] = { lo: last.lo, hi: upper(last.hi, part.hi) };
    else merged.push(part);
  }
  return merged;
}

/** A ray `x < value` (`below`) or `x > value`, with or without its end. */
export function ray(bound: Bound, below: boolean): RealSet {
  return below ? [{ lo: NEGATIVE_INFINITY, hi: bound }] : [{ lo: bound, hi: POSITIVE_INFINITY }];
}

/** The union of two sets. */
export function unite(a: RealSet, b: RealSet): RealSet {
  return realSet([...a, ...b]);
}

/** The intersection of two sets. */
export function intersect(a: RealSet, b: RealSet): RealSet {
  const parts: RealInterval[] = [];
  for (const x of a) for (const y of b) parts.push({ lo: lower(x.lo, y.lo, 'inner'), hi: upper(x.hi, y.hi, 'inner') });
  return realSet(parts);
}

/** Everything in `a` that is not in `b`. */
export function subtract(a: RealSet, b: RealSet): RealSet {
  return intersect(a, complement(b));
}

function complement(set: RealSet): RealSet {
  const gaps: RealInterval[] = [];
  let lo = NEGATIVE_INFINITY;
  for (const part of set) {
    gaps.push({ lo, hi: { ...part.lo, closed: !part.lo.closed } });
    lo = { ...part.hi, closed: !part.hi.closed };
  }
  gaps.push({ lo, hi: POSITIVE_INFINITY });
  return realSet(gaps);
}

function isNonEmpty(part: RealInterval): boolean {
  if (part.lo.value < part.hi.value) return true;
  return part.lo.value === part.hi.value && part.lo.closed && part.hi.closed && Number.isFinite(part.lo.value);
}

function overlapsOrTouches(a: RealInterval, b: RealInterval): boolean {
  if (b.lo.value < a.hi.value) return true;
  return b.lo.value === a.hi.value && (a.hi.closed || b.lo.closed);
}

// 'outer' takes the larger set at a tie (union), 'inner' the smaller (intersection).
function lower(a: Bound, b: Bound, mode: 'inner' | 'outer'): Bound {
  if (a.value !== b.value) return a.value > b.value === (mode === 'inner') ? a : b;
  return mode === 'inner' ? (a.closed ? b : a) : a.closed ? a : b;
}

function upper(a: Bound, b: Bound, mode: 'inner' | 'outer' = 'outer'): Bound {
  if (a.value !== b.value) return a.value < b.value === (mode === 'inner') ? a : b;
  return mode === 'inner' ? (a.closed ? b : a) : a.closed ? a : b;
}
