import type { AnswerShape } from './answer-shape.js';
import { GRADE_REASONS, verdict } from './grade-result.js';
import type { Verdict } from './grade-result.js';

/** Compares two items (recursively, as full answers). */
export type ItemComparer = (answer: string, truth: string) => Verdict;

const MAX_ITEMS = 32;
const MISMATCH = verdict(false, GRADE_REASONS.structureMismatch);
const EQUIVALENT = verdict(true, GRADE_REASONS.equivalent);

/** Compares two shapes: ordered for tuples/intervals/matrices, unordered for sets, lists and unions. */
export function compareShapes(a: AnswerShape, t: AnswerShape, compare: ItemComparer): Verdict {
  if (a.kind === 'scalar' && t.kind === 'scalar') return compare(a.latex, t.latex);
  if (a.kind === 'sequence' && t.kind === 'sequence') {
    if (a.open !== t.open || a.close !== t.close) return MISMATCH;
    return compareOrdered(a.items, t.items, compare);
  }
  if (a.kind === 'set' && t.kind === 'set') return compareUnordered(a.items, t.items, compare);
  if (a.kind === 'union' && t.kind === 'union') return compareUnordered(a.parts, t.parts, compare);
  if (a.kind === 'matrix' && t.kind === 'matrix') return compareMatrices(a.rows, t.rows, compare);
  return compareAcrossKinds(a, t, compare);
}

// A one-element set equals its element; a column or row vector equals the tuple of its entries.
function compareAcrossKinds(a: AnswerShape, t: AnswerShape, compare: ItemComparer): Verdict {
  const single = (s: AnswerShape): string | undefined =>
    s.kind === 'set' && s.items.length === 1 ? s.items[0] : undefined;
  const aOne = single(a);
  const tOne = single(t);
  if (aOne !== undefined && t.kind === 'scalar') return compare(aOne, t.latex);
  if (tOne !== undefined && a.kind === 'scalar') return compare(a.latex, tOne);
  const aVector = vectorItems(a);
  const tVector = vectorItems(t);
  if (aVector !== undefined && tVector !== undefined) return compareOrdered(aVector, tVector, compare);
  return MISMATCH;
}

function vectorItems(s: AnswerShape): readonly string[] | undefined {
  if (s.kind === 'sequence') return s.open === '(' && s.close === ')' ? s.items : undefined;
  if (s.kind !== 'matrix') return undefined;
  if (s.rows.length === 1) return s.rows[0];
  return s.rows.every((row) => row.length === 1) ? s.rows.map((row) => row[0] ?? '') : undefined;
}

function compareOrdered(a: readonly string[], t: readonly string[], compare: ItemComparer): Verdict {
  if (a.length !== t.length || a.length > MAX_ITEMS) return MISMATCH;
  for (let i = 0; i < a.length; i += 1) {
    const result = compare(a[i] ?? '', t[i] ?? '');
    if (!result.correct) return result;
  }
  return EQUIVALENT;
}

function compareUnordered(a: readonly string[], t: readonly string[], compare: ItemComparer): Verdict {
  if (a.length !== t.length || a.length > MAX_ITEMS) return MISMATCH;
  const unused = new Set(a.map((_, i) => i));
  for (const truthItem of t) {
    const match = [...unused].find((i) => compare(a[i] ?? '', truthItem).correct);
    if (match === undefined) return verdict(false, GRADE_REASONS.notEqual);
    unused.delete(match);
  }
  return EQUIVALENT;
}

function compareMatrices(
  a: readonly (readonly string[])[],
  t: readonly (readonly string[])[],
  compare: ItemComparer,
): Verdict {
  if (a.length !== t.length) return MISMATCH;
  for (let r = 0; r < a.length; r += 1) {
    const result = compareOrdered(a[r] ?? [], t[r] ?? [], compare);
    if (!result.correct) return result;
  }
  return EQUIVALENT;
}
