import type { Expression } from '@cortex-js/compute-engine';
import type { Deadline } from './deadline.js';
import { exactValue, sameRational } from './exact-value.js';
import type { ExactValue } from './exact-value.js';
import { GRADE_REASONS, verdict } from './grade-result.js';
import type { GradeReason, Verdict } from './grade-result.js';
import { isHuge } from './huge-expression.js';
import { compareEquations } from './equation-relation.js';
import { parseMath, withinDeadline } from './math-engine.js';

/** Compares two normalised scalar answers with the math engine; `extended` allows scaled equations. */
export function compareScalars(answer: string, truth: string, deadline: Deadline, extended = false): Verdict {
  if (compact(answer) === compact(truth)) return verdict(true, GRADE_REASONS.exactMatch);
  if (isPhrase(answer) || isPhrase(truth)) {
    const text = compareAsText(answer, truth, GRADE_REASONS.notEqual);
    if (text.correct || !isShortWord(answer) || !isShortWord(truth)) return text;
  }
  const a = parseMath(answer, deadline);
  const t = parseMath(truth, deadline);
  if (a === undefined || t === undefined) return compareAsText(answer, truth, GRADE_REASONS.unparseable);
  if (isHuge(a) || isHuge(t)) return compareHuge(a, t, deadline);
  const aEq = a.operator === 'Equal';
  const tEq = t.operator === 'Equal';
  if (aEq || tEq)
    return aEq && tEq ? compareEquations(a, t, deadline, extended) : verdict(false, GRADE_REASONS.structureMismatch);
  if (a.unknowns.length > 0 || t.unknowns.length > 0) return compareIdentities(a, t, deadline);
  return compareConstants(a, t, deadline);
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

// Phrases such as "no solution" or "even": the engine would read them as products of one-letter symbols
// (with `e` as Euler's number). Two-letter words other than "no" are left to the engine (`xy` is a product).
function isPhrase(text: string): boolean {
  if (!/^[a-zA-Z]+(?: [a-zA-Z]+)*$/.test(text)) return false;
  return text.includes(' ') || text.length >= 3 || text.toLowerCase() === 'no';
}

// A short single word may still be a product of variables (`abc` vs `cab`): the engine decides those.
function isShortWord(text: string): boolean {
  return /^[a-zA-Z]{1,3}$/.test(text);
}

function compareAsText(answer: string, truth: string, failure: GradeReason): Verdict {
  const strip = (s: string): string => compact(s).toLowerCase();
  return strip(answer) === strip(truth) ? verdict(true, GRADE_REASONS.exactMatch) : verdict(false, failure);
}

// Exact arithmetic first, so a decimal never equals an irrational or a different rational within a tolerance.
function compareConstants(a: Expression, t: Expression, deadline: Deadline): Verdict {
  if (isUndefinedValue(a) || isUndefinedValue(t)) return verdict(false, GRADE_REASONS.notEqual);
  const [av, tv] = withinDeadline(deadline, 'evaluate', () => [constantValue(a), constantValue(t)]);
  if (av.kind === 'rational' && tv.kind === 'rational') {
    if (sameRational(av, tv)) return verdict(true, GRADE_REASONS.equivalent);
    return verdict(false, av.fromDecimal !== tv.fromDecimal ? GRADE_REASONS.approximation : GRADE_REASONS.notEqual);
  }
  const decimalSide = (av.kind === 'rational' && av.fromDecimal) || (tv.kind === 'rational' && tv.fromDecimal);
  if (decimalSide) return verdict(false, GRADE_REASONS.approximation);
  const equal = withinDeadline(deadline, 'compare', () => a.isEqual(t));
  if (equal === undefined) return compareNumerically(a, t, deadline);
  return verdict(equal, equal ? GRADE_REASONS.equivalent : GRADE_REASONS.notEqual);
}

// A decimal literal keeps its exact decimal value; anything else is evaluated exactly, and a decimal
// that only appears because a decimal coefficient met an irrational (1.5π) is not a literal.
function constantValue(expr: Expression): ExactValue {
  const literal = exactValue(expr);
  if (literal.kind === 'rational') return literal;
  const value = exactValue(expr.evaluate());
  if (value.kind !== 'rational') return value;
  return !value.fromDecimal || isPlainArithmetic(expr.json) ? value : { kind: 'other' };
}

// Division by zero and NaN are never a correct value, even when both sides produce them.
function isUndefinedValue(expr: Expression): boolean {
  return expr.json === 'ComplexInfinity' || expr.json === 'NaN';
}

const ARITHMETIC = new Set(['Add', 'Subtract', 'Multiply', 'Divide', 'Negate', 'Rational', 'Power']);

function isPlainArithmetic(json: unknown): boolean {
  if (typeof json === 'string') return false;
  if (!Array.isArray(json)) return true;
  const [head, ...args] = json as unknown[];
  return typeof head === 'string' && ARITHMETIC.has(head) && args.every(isPlainArithmetic);
}

function compareIdentities(a: Expression, t: Expression, deadline: Deadline): Verdict {
  if (withinDeadline(deadline, 'compare', () => a.isSame(t))) return verdict(true, GRADE_REASONS.equivalent);
  const same = withinDeadline(deadline, 'identity', () => a.isIdenticallyEqual(t));
  return verdict(same === true, same === true ? GRADE_REASONS.equivalent : GRADE_REASONS.notEqual);
}

// Values too large for exact arithmetic are equal only when their canonical forms are the same;
// 21 significant digits cannot tell 10^{10^{10}} from 10^{10^{10}}+1.
function compareHuge(a: Expression, t: Expression, deadline: Deadline): Verdict {
  const same = withinDeadline(deadline, 'compare', () => a.isSame(t));
  return verdict(same, same ? GRADE_REASONS.equivalent : GRADE_REASONS.tooComplex);
}

// Last resort when the engine cannot decide equality of two exact constants: its 21-digit numeric forms.
function compareNumerically(a: Expression, t: Expression, deadline: Deadline): Verdict {
  const [an, tn] = withinDeadline(deadline, 'numeric', () => [JSON.stringify(a.N().json), JSON.stringify(t.N().json)]);
  const equal = an === tn && !an.includes('NaN');
  return verdict(equal, equal ? GRADE_REASONS.equivalent : GRADE_REASONS.notEqual);
}
