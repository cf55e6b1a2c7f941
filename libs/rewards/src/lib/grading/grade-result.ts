import type { GradingProfile } from './grading-profile.js';

/** Why a grade came out the way it did. */
export const GRADE_REASONS = {
  /** The normalised strings are identical. */
  exactMatch: 'exact-match',
  /** The math engine proved the values or expressions equal. */
  equivalent: 'equivalent',
  /** The multiple-choice letters agree. */
  choiceMatch: 'choice-match',
  /** The base-n digit strings agree. */
  baseMatch: 'base-match',
  /** No answer was given (no `\boxed{}` or an empty one). */
  noAnswer: 'no-answer',
  /** Both sides parsed and are different. */
  notEqual: 'not-equal',
  /** A decimal approximation was compared with an exact irrational or non-matching value. */
  approximation: 'approximation',
  /** Both sides carry units and they differ (only cents and dollars convert). */
  unitMismatch: 'unit-mismatch',
  /** Different shapes: tuple vs set, bracket kinds, lengths, matrix sizes. */
  structureMismatch: 'structure-mismatch',
  /** A side could not be parsed as math and the texts differ. */
  unparseable: 'unparseable',
  /** The time cap ran out before equality was proven. */
  timeout: 'timeout',
  /** An input was longer or deeper than the bounds allow. */
  tooComplex: 'too-complex',
} as const;

/** One of {@link GRADE_REASONS}. */
export type GradeReason = (typeof GRADE_REASONS)[keyof typeof GRADE_REASONS];

/** A correct/incorrect judgement with its reason. */
export interface Verdict {
  readonly correct: boolean;
  readonly reason: GradeReason;
}

/** The result of {@link grade}: the verdict plus the normalised forms that were compared. */
export interface GradeResult extends Verdict {
  readonly normalizedAnswer: string;
  readonly normalizedTruth: string;
}

/** Options for {@link grade}. */
export interface GradeOptions {
  /** Hard cap on the time of one grade in milliseconds (default 100). */
  readonly timeLimitMs?: number;
  /** Longest accepted side in characters (default 1,000); longer inputs are not proven equal. */
  readonly maxInputLength?: number;
  /** Which equivalence rules apply (default `threadloom`; `reference-code` as the public grader). */
  readonly profile?: GradingProfile;
  /** A clock for the time cap (default `performance.now`); injectable for tests. */
  readonly now?: () => number;
}

/** Builds a verdict. */
export function verdict(correct: boolean, reason: GradeReason): Verdict {
  return { correct, reason };
}
