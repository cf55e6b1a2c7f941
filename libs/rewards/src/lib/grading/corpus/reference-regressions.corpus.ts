import type { GradingCase } from './grading-case.js';
import { gradingCase as c } from './grading-case.js';

const r = String.raw;

/**
 * The reference grader's known false positives and negatives (spec §4.1), kept as regression cases.
 * Each note names the reference behaviour that gets the case wrong.
 */
export const REFERENCE_REGRESSION_CASES: readonly GradingCase[] = [
  c('reference-regressions', '(1,2)', '(1,2)', true, 'FN: strip_comma_from_answer turns the answer into (12)'),
  c('reference-regressions', '(3, 4)', r`\left(3,4\right)`, true, 'FN: comma stripping breaks tuples'),
  c('reference-regressions', '1,2', '12', false, 'FP: comma stripping makes the list 1,2 equal to 12'),
  c('reference-regressions', '(1,2)', '(12)', false, 'FP: comma stripping on the answer side'),
  c('reference-regressions', r`\{1,2\}`, r`\{2,1\}`, true, 'FN: sets compared element-wise in order'),
  c('reference-regressions', '3, 1, 2', '1, 2, 3', true, 'FN: all-solutions list compared in order'),
  c('reference-regressions', '5.0', '5', true, 'FN: an integer truth requires an integer-looking answer'),
  c('reference-regressions', r`\frac{4}{6}`, r`\frac{2}{3}`, true, 'FN: unreduced fractions must match exactly'),
  c('reference-regressions', '(x+1)^{2}', 'x^{2}+2x+1', true, 'FN: sympy is skipped for expressions containing ^{'),
  c('reference-regressions', 'a+b+c', 'b+c+a', true, 'FN: sympy is skipped with more than 2 unknown letters'),
  c(
    'reference-regressions',
    r`5\text{ and }7`,
    '5',
    false,
    'FP: _remove_right_units keeps only the text before \\text{ ',
  ),
  c('reference-regressions', '0.3333333333333', r`\frac{1}{3}`, false, 'FP risk: float tolerance equality'),
  c('reference-regressions', r`\text{A}`, 'a', false, 'FP: lower-casing makes choice A equal the symbol a'),
  c(
    'reference-regressions',
    r`x \in [1, 2]`,
    '[1,2]',
    true,
    'membership in an interval is that interval (was left unequal before issue 15)',
  ),
  c('reference-regressions', '10^{10^{10}}', '10^{10000000000}', true, 'no crash on power towers (sympy guard)'),
];
