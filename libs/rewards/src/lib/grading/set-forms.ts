import type { ItemComparer } from './compare-shapes.js';
import type { Deadline } from './deadline.js';
import { GRADE_REASONS, verdict } from './grade-result.js';
import type { Verdict } from './grade-result.js';
import { boxMath, parseMath, withinDeadline } from './math-engine.js';
import { intersect, ray, REAL_LINE, realSet, subtract, unite } from './real-set.js';
import type { Bound, RealSet } from './real-set.js';
import { NotARealSetError } from './not-a-real-set.error.js';
import { splitTopLevel } from './split-top-level.js';

// Sets of real numbers written with operations, inequalities or set differences: `\{1,3\}\cup\{2\}`,
// `x \le 2`, `-1 < x \le 4`, `x<0, x>1` (a list of conditions is their union), `x \in [1,2]`, `x \ne 0`,
// `\mathbb{R}\setminus\{0\}`, `[0,5]\setminus\{3\}`. The engine parses them to MathJSON; `real-set.ts`
// evaluates them; equal sets have the same parts with exactly equal bounds (compared as scalars).

const SET_SYNTAX = /\\(?:cup|cap|setminus|backslash|le|ge|leq|geq|ne|neq|in|mathbb)(?![a-zA-Z])|[<>]/;
const INEQUALITIES: Readonly<Record<string, { readonly less: boolean; readonly strict: boolean }>> = {
  Less: { less: true, strict: true },
  LessEqual: { less: true, strict: false },
  Greater: { less: false, strict: true },
  GreaterEqual: { less: false, strict: false },
};

interface Reading {
  readonly set: RealSet;
  /** The variable of inequalities (`x`), when there is one. */
  readonly variable: string | undefined;
}

/** Compares set answers with operations or inequalities; `undefined` when neither side is one. */
export function compareSetForms(
  answer: string,
  truth: string,
  deadline: Deadline,
  compare: ItemComparer,
): Verdict | undefined {
  if (answer.includes('=') || truth.includes('=')) return undefined;
  if (!SET_SYNTAX.test(answer) && !SET_SYNTAX.test(truth)) return undefined;
  const a = readSet(answer, deadline);
  const t = readSet(truth, deadline);
  if (a === undefined || t === undefined) return undefined;
  if (a.variable !== undefined && t.variable !== undefined && a.variable !== t.variable)
    return verdict(false, GRADE_REASONS.notEqual);
  return sameSet(a.set, t.set, compare);
}

function readSet(text: string, deadline: Deadline): Reading | undefined {
  const items = splitTopLevel(text, ',');
  const conditions = items.length > 1 && items.every((item) => /[<>]|\\[lg]eq?(?![a-zA-Z])/.test(item));
  const parts = conditions ? items : [text];
  const variables = new Set<string>();
  let set: RealSet = [];
  for (const part of parts) {
    const expr = parseMath(part, deadline);
    if (expr === undefined) return undefined;
    try {
      set = unite(
        set,
        withinDeadline(deadline, 'sets', () => toSet(expr.json, variables)),
      );
    } catch (error) {
      if (error instanceof NotARealSetError) return undefined;
      throw error;
    }
  }
  if (variables.size > 1) return undefined;
  return { set, variable: [...variables][0] };
}

function toSet(json: unknown, variables: Set<string>): RealSet {
  if (json === 'RealNumbers') return REAL_LINE;
  if (json === 'EmptySet') return [];
  if (!Array.isArray(json)) throw new NotARealSetError(JSON.stringify(json));
  const [head, ...args] = json as unknown[];
  const sets = (): RealSet[] => args.map((arg) => toSet(arg, variables));
  switch (head) {
    case 'Interval':
    case 'Tuple': // `(a, b)` next to a set answer is the open interval
    case 'List': // and `[a, b]` the closed one
      if (args.length !== 2) throw new NotARealSetError(String(head));
      return realSet([{ lo: bound(args[0], head === 'Tuple'), hi: bound(args[1], head === 'Tuple') }]);
    case 'Set':
      return realSet(args.map((item) => ({ lo: bound(item, false), hi: bound(item, false) })));
    case 'Union':
    case 'Or':
      return sets().reduce(unite, []);
    case 'Intersection':
    case 'And':
      return sets().reduce(intersect, REAL_LINE);
    case 'SetMinus': {
      const [first = [], ...rest] = sets();
      return rest.reduce(subtract, first);
    }
    case 'Element':
      variables.add(variableName(args[0]));
      return toSet(args[1], variables);
    case 'NotEqual': {
      const [name, value] = splitCondition(args);
      variables.add(name);
      return subtract(REAL_LINE, realSet([{ lo: value, hi: value }]));
    }
    default:
      return inequality(String(head), args, variables);
  }
}

// `a < x`, `x \le b`, chained `a < x \le b` (each neighbouring pair is one condition).
function inequality(head: string, args: readonly unknown[], variables: Set<string>): RealSet {
  const sense = INEQUALITIES[head];
  if (sense === undefined || args.length < 2) throw new NotARealSetError(head);
  let set = REAL_LINE;
  for (let i = 0; i + 1 < args.length; i += 1) {
    const leftIsVariable = isVariable(args[i]);
    const [name, value] = splitCondition([args[i], args[i + 1]]);
    variables.add(name);
    const closedValue = { ...value, closed: !sense.strict };
    set = intersect(set, ray(closedValue, sense.less === leftIsVariable));
  }
  return set;
}

function splitCondition(pair: readonly unknown[]): [string, Bound] {
  const [left, right] = pair;
  if (isVariable(left)) return [variableName(left), bound(right, false)];
  if (isVariable(right)) return [variableName(right), bound(left, false)];
  throw new NotARealSetError('condition');
}

function isVariable(json: unknown): boolean {
  return typeof json === 'string' && boxMath(json).unknowns.length === 1;
}

function variableName(json: unknown): string {
  if (!isVariable(json)) throw new NotARealSetError('variable');
  return String(json);
}

// A bound is a real constant; `["Open", v]` (or `open`) excludes it. Infinite bounds are never included.
function bound(json: unknown, open: boolean): Bound {
  if (Array.isArray(json) && json[0] === 'Open') return bound(json[1], true);
  const expr = boxMath(json as never);
  if (expr.unknowns.length > 0) throw new NotARealSetError('bound');
  const numeric = expr.N();
  const value = numeric.re;
  if (Number.isNaN(value) || numeric.im !== 0) throw new NotARealSetError('bound');
  return { json, value, closed: !open && Number.isFinite(value) };
}

function sameSet(a: RealSet, t: RealSet, compare: ItemComparer): Verdict {
  if (a.length !== t.length) return verdict(false, GRADE_REASONS.notEqual);
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = t[i];
    if (x === undefined || y === undefined) return verdict(false, GRADE_REASONS.notEqual);
    for (const [p, q] of [
      [x.lo, y.lo],
      [x.hi, y.hi],
    ] as const) {
      if (p.closed !== q.closed || !sameBound(p, q, compare)) return verdict(false, GRADE_REASONS.notEqual);
    }
  }
  return verdict(true, GRADE_REASONS.equivalent);
}

function sameBound(p: Bound, q: Bound, compare: ItemComparer): boolean {
  if (!Number.isFinite(p.value) || !Number.isFinite(q.value)) return p.value === q.value;
  return compare(boxMath(p.json as never).latex, boxMath(q.json as never).latex).correct;
}
