/** The categories the team corpus covers (issues 3 and 15); `held-out` is the separate check. */
export const GRADING_CATEGORIES = [
  'integers',
  'decimals-fractions',
  'signs',
  'radicals',
  'constants',
  'trigonometry',
  'scientific',
  'percent-degrees',
  'units-text',
  'equations',
  'expressions',
  'tuples',
  'sets',
  'intervals',
  'matrices',
  'complex',
  'base-n',
  'mixed-numbers',
  'choices',
  'delimiters',
  'punctuation',
  'dollars',
  'approximations',
  'reference-regressions',
  'robustness',
  'units',
  'special-angles',
  'equation-forms',
  'assignments',
  'set-operations',
  'matrix-forms',
  'word-variants',
  'annotated',
  'ratios',
  'held-out',
] as const;

/** One of {@link GRADING_CATEGORIES}. */
export type GradingCategory = (typeof GRADING_CATEGORIES)[number];

/** A corpus case: the answer (already extracted), the truth(s) and the verdict a careful grader gives. */
export interface GradingCase {
  readonly category: GradingCategory;
  readonly answer: string;
  readonly truth: string | readonly string[];
  readonly correct: boolean;
  /** Why the verdict is what it is, when that is not obvious. */
  readonly note?: string;
}

/** Builds a case (keeps the corpus tables short). */
export function gradingCase(
  category: GradingCategory,
  answer: string,
  truth: string | readonly string[],
  correct: boolean,
  note?: string,
): GradingCase {
  return note === undefined ? { category, answer, truth, correct } : { category, answer, truth, correct, note };
}
