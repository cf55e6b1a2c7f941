import type { AnswerShape } from './answer-shape.js';
import type { ItemComparer } from './compare-shapes.js';
import { GRADE_REASONS, verdict } from './grade-result.js';
import type { Verdict } from './grade-result.js';
import { splitTopLevel } from './split-top-level.js';

// Answers written as assignments to distinct variables: `x=2, y=3` is the tuple (2, 3) in the order written,
// and equals `y=3, x=2` (same variables, same values). A repeated variable (`x=1, x=2`) is a solution list
// and stays with the set rules. Single prefixes (`f(2) =`, `(x,y) =`) are stripped by `stripVariablePrefix`.

const ASSIGNMENT = /^([a-zA-Z](?:_\{?\w+\}?)?)\s*=\s*([^=]+)$/;

/** `name → value` in written order when every comma item assigns a different variable; else `undefined`. */
export function parseAssignments(text: string): ReadonlyMap<string, string> | undefined {
  const items = splitTopLevel(text, ',');
  if (items.length < 2) return undefined;
  const assigned = new Map<string, string>();
  for (const item of items) {
    const match = ASSIGNMENT.exec(item);
    const name = match?.[1];
    if (match === null || name === undefined || assigned.has(name)) return undefined;
    assigned.set(name, (match[2] ?? '').trim());
  }
  return assigned;
}

/**
 * Compares assignment lists with each other (always: `x=2, y=3` is never `x=3, y=2`) or, with `withTuples`,
 * with a parenthesised tuple; `undefined` when neither applies.
 */
export function compareAssignments(
  answer: string,
  truth: string,
  shapes: readonly [AnswerShape, AnswerShape],
  compare: ItemComparer,
  withTuples: boolean,
): Verdict | undefined {
  const a = parseAssignments(answer);
  const t = parseAssignments(truth);
  if (a !== undefined && t !== undefined) return compareByName(a, t, compare);
  if (!withTuples) return undefined;
  const tuple = (shape: AnswerShape): readonly string[] | undefined =>
    shape.kind === 'sequence' && shape.open === '(' && shape.close === ')' ? shape.items : undefined;
  if (a !== undefined) return compareWithTuple([...a.values()], tuple(shapes[1]), compare, false);
  if (t !== undefined) return compareWithTuple([...t.values()], tuple(shapes[0]), compare, true);
  return undefined;
}

function compareByName(a: ReadonlyMap<string, string>, t: ReadonlyMap<string, string>, compare: ItemComparer): Verdict {
  if (a.size !== t.size || [...t.keys()].some((name) => !a.has(name)))
    return verdict(false, GRADE_REASONS.structureMismatch);
  for (const [name, value] of t) {
    const result = compare(a.get(name) ?? '', value);
    if (!result.correct) return result;
  }
  return verdict(true, GRADE_REASONS.equivalent);
}

function compareWithTuple(
  values: readonly string[],
  tuple: readonly string[] | undefined,
  compare: ItemComparer,
  valuesAreTruth: boolean,
): Verdict | undefined {
  if (tuple === undefined) return undefined;
  if (tuple.length !== values.length) return verdict(false, GRADE_REASONS.structureMismatch);
  for (let i = 0; i < values.length; i += 1) {
    const [answerItem, truthItem] = valuesAreTruth ? [tuple[i], values[i]] : [values[i], tuple[i]];
    const result = compare(answerItem ?? '', truthItem ?? '');
    if (!result.correct) return result;
  }
  return verdict(true, GRADE_REASONS.equivalent);
}
