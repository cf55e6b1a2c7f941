import { EQUIVALENCE_CLASS_CASES } from './equivalence-classes.corpus.js';
import type { GradingCase } from './grading-case.js';
import { HELD_OUT_CASES } from './held-out.corpus.js';
import { NUMBER_CASES } from './numbers.corpus.js';
import { PRESENTATION_CASES } from './presentation.corpus.js';
import { REFERENCE_REGRESSION_CASES } from './reference-regressions.corpus.js';
import { STRUCTURE_CASES } from './structures.corpus.js';

/** The team's grading corpus: every case with the verdict a careful competition grader gives. */
export const GRADING_CORPUS: readonly GradingCase[] = [
  ...NUMBER_CASES,
  ...STRUCTURE_CASES,
  ...PRESENTATION_CASES,
  ...REFERENCE_REGRESSION_CASES,
  ...EQUIVALENCE_CLASS_CASES,
];

/** The held-out check (issue 15): written before the rules it measures, reported apart, never tuned to. */
export const GRADING_HELD_OUT: readonly GradingCase[] = HELD_OUT_CASES;
