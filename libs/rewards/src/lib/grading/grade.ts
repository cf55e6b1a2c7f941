import { extractBoxedAnswer } from '../extraction/extract-boxed.js';
import { answerShape } from './answer-shape.js';
import { parseBaseNumber, sameBaseNumber } from './base-number.js';
import { choiceLetter, isChoiceTruth } from './choice-letter.js';
import { compareScalars } from './compare-scalars.js';
import { compareShapes } from './compare-shapes.js';
import { createDeadline } from './deadline.js';
import type { Deadline } from './deadline.js';
import { GRADE_REASONS, verdict } from './grade-result.js';
import type { GradeOptions, GradeResult, Verdict } from './grade-result.js';
import { GradeTimeoutError } from './grade-timeout.error.js';
import { inScope } from './math-engine.js';
import { compareAssignments } from './assignment-answer.js';
import { extendedForms, GRADING_PROFILES } from './grading-profile.js';
import type { GradingProfile } from './grading-profile.js';
import { normalizeAnswer, normalizeParts, stripVariablePrefix } from './normalize-answer.js';
import { rewriteRatios } from './ratio-answer.js';
import { compareUnits, rescaled } from './answer-units.js';
import { compareSetForms } from './set-forms.js';
import { maxDepth } from './split-top-level.js';

const DEFAULT_TIME_LIMIT_MS = 100;
const WARM_UP_LIMIT_MS = 10_000;
const r = String.raw;
// One pair per engine feature the grader uses: the engine builds its libraries lazily, and the first use
// of each (identities, trigonometry, complex numbers, …) would otherwise eat a real grade's time budget.
const WARM_UP_PAIRS: readonly (readonly [string, string])[] = [
  ['(x+1)^2', 'x^2+2x+1'],
  ['x + y = 3', 'x - y = 3'],
  [r`\frac{1}{x}+\frac{1}{y}`, r`\frac{x+y}{xy}`],
  [r`\sin^2 x+\cos^2 x`, '1'],
  [r`\frac{\sqrt3}{2}`, r`\sin\frac{\pi}{3}`],
  ['2+3i', '3i+2'],
  [r`\ln 8`, r`3\ln 2`],
  [r`\binom{5}{2}`, '5!'],
  ['[1,2)', r`(-\infty,2)`],
  [r`\begin{pmatrix}1\\2\end{pmatrix}`, '(1,2)'],
  ['0.5', r`\frac12`],
  [r`1.5\pi`, r`\frac{3\pi}{2}`],
  [r`\log_2 8`, r`\sqrt[3]{27}`],
  [r`e^{i\pi}`, '-1'],
  ['2x+4y=12', 'x+2y-6=0'],
  [r`\cos 36^\circ`, r`\frac{1+\sqrt5}{4}`],
  [r`x \le 2`, r`(-\infty,2]`],
  [r`[0,5]\setminus\{3\}`, r`[0,3)\cup(3,5]`],
  [r`5\text{ m}`, r`5\text{ cm}`],
  ['x=2, y=3', '(2,3)'],
];
let warmedUp = false;

/** Creates and warms up the math engine (≈ 0.2–0.7 s, once per process); call it when a worker starts. */
export function warmUpGrader(): void {
  if (warmedUp) return;
  warmedUp = true;
  for (const [answer, truth] of WARM_UP_PAIRS)
    gradeOne(
      answer,
      truth,
      createDeadline(WARM_UP_LIMIT_MS, () => performance.now()),
      DEFAULT_MAX_LENGTH,
      GRADING_PROFILES.threadloom,
    );
}
const DEFAULT_MAX_LENGTH = 1_000;
const MAX_DEPTH = 40;

/** Grades an answer against one or more ground truths; correct when any truth matches. Never throws. */
export function grade(
  answer: string | undefined,
  truth: string | readonly string[],
  options: GradeOptions = {},
): GradeResult {
  const truths = typeof truth === 'string' ? [truth] : truth;
  warmUpGrader(); // the one-off engine start-up is not charged to this grade's time cap
  const deadline = createDeadline(
    options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    options.now ?? (() => performance.now()),
  );
  const maxLength = options.maxInputLength ?? DEFAULT_MAX_LENGTH;
  const profile = options.profile ?? GRADING_PROFILES.threadloom;
  let first: GradeResult | undefined;
  for (const one of truths) {
    const result = gradeOne(answer, one, deadline, maxLength, profile);
    if (result.correct) return result;
    first ??= result;
  }
  return first ?? { ...verdict(false, GRADE_REASONS.noAnswer), normalizedAnswer: '', normalizedTruth: '' };
}

function gradeOne(
  answer: string | undefined,
  rawTruth: string,
  deadline: Deadline,
  maxLength: number,
  profile: GradingProfile,
): GradeResult {
  const truthText = rawTruth.includes('\\boxed') ? (extractBoxedAnswer(rawTruth) ?? rawTruth) : rawTruth;
  const tooLong = (answer?.length ?? 0) > maxLength || truthText.length > maxLength;
  if (tooLong) return { ...verdict(false, GRADE_REASONS.tooComplex), normalizedAnswer: '', normalizedTruth: '' };
  const a = answer === undefined ? { text: '', unit: undefined } : normalizeParts(answer, { profile });
  const t = normalizeParts(truthText, { profile });
  if (a.text === '') return withForms(verdict(false, GRADE_REASONS.noAnswer), a.text, t.text);
  const extended = extendedForms(profile);
  const aligned = extended ? alignForms(a, t, deadline) : [a.text, t.text];
  if (aligned === undefined) return withForms(verdict(false, GRADE_REASONS.unitMismatch), a.text, t.text);
  const [normalizedAnswer, normalizedTruth] = aligned;
  const result = safeCompare(normalizedAnswer, normalizedTruth, deadline, extended);
  if (result.correct || result.reason !== GRADE_REASONS.structureMismatch)
    return withForms(result, normalizedAnswer, normalizedTruth);
  return (
    compareFullEquations(answer ?? '', truthText, deadline, profile) ??
    withForms(result, normalizedAnswer, normalizedTruth)
  );
}

function withForms(result: Verdict, normalizedAnswer: string, normalizedTruth: string): GradeResult {
  return { ...result, normalizedAnswer, normalizedTruth };
}

// Units (only money converts; other differing units are unequal → `undefined`) and ratios, pairwise.
function alignForms(
  a: { readonly text: string; readonly unit: string | undefined },
  t: { readonly text: string; readonly unit: string | undefined },
  deadline: Deadline,
): readonly [string, string] | undefined {
  let units;
  try {
    units = inScope(() => compareUnits(a.unit, t.unit, deadline));
  } catch {
    units = { kind: 'same' } as const; // the unit could not be read in time: compare the magnitudes
  }
  if (units.kind === 'different') return undefined;
  const [answer, truth] =
    units.kind === 'rescale'
      ? [rescaled(a.text, units.answerFactor), rescaled(t.text, units.truthFactor)]
      : [a.text, t.text];
  return rewriteRatios(answer, truth);
}

// `y = 2x + 1` is shortened to `2x + 1`; against an equation (`y - 2x = 1`) the full equations are compared.
function compareFullEquations(
  answer: string,
  truth: string,
  deadline: Deadline,
  profile: GradingProfile,
): GradeResult | undefined {
  const normalizedAnswer = normalizeAnswer(answer, { keepVariablePrefix: true, profile });
  const normalizedTruth = normalizeAnswer(truth, { keepVariablePrefix: true, profile });
  if (!normalizedAnswer.includes('=') || !normalizedTruth.includes('=')) return undefined;
  const result = safeCompare(normalizedAnswer, normalizedTruth, deadline, extendedForms(profile));
  return result.correct ? withForms(result, normalizedAnswer, normalizedTruth) : undefined;
}

// Engine failures are verdicts, never exceptions: a worker must survive any model output.
function safeCompare(answer: string, truth: string, deadline: Deadline, extended: boolean): Verdict {
  if (maxDepth(answer) > MAX_DEPTH || maxDepth(truth) > MAX_DEPTH) return verdict(false, GRADE_REASONS.tooComplex);
  try {
    return inScope(() => compareNormalized(answer, truth, deadline, extended));
  } catch (error) {
    return verdict(false, error instanceof GradeTimeoutError ? GRADE_REASONS.timeout : GRADE_REASONS.unparseable);
  }
}

function compareNormalized(answer: string, truth: string, deadline: Deadline, extended: boolean): Verdict {
  if (deadline.expired()) throw new GradeTimeoutError('compare');
  if (answer === truth) return verdict(true, GRADE_REASONS.exactMatch);
  if (isChoiceTruth(truth)) {
    const same = choiceLetter(answer) === choiceLetter(truth);
    return verdict(same, same ? GRADE_REASONS.choiceMatch : GRADE_REASONS.notEqual);
  }
  const base = parseBaseNumber(truth);
  if (base !== undefined) {
    const same = sameBaseNumber(answer, base);
    return verdict(same, same ? GRADE_REASONS.baseMatch : GRADE_REASONS.notEqual);
  }
  const compareItems = (a: string, t: string): Verdict =>
    compareNormalized(
      stripVariablePrefix(a.trim(), extended),
      stripVariablePrefix(t.trim(), extended),
      deadline,
      extended,
    );
  const a = answerShape(answer, extended);
  const t = answerShape(truth, extended);
  const assigned = compareAssignments(answer, truth, [a, t], compareItems, extended);
  if (assigned !== undefined) return assigned;
  if (extended) {
    const sets = compareSetForms(answer, truth, deadline, compareItems);
    if (sets !== undefined) return sets;
  }
  if (a.kind === 'scalar' && t.kind === 'scalar') return compareScalars(answer, truth, deadline, extended);
  return compareShapes(a, t, compareItems);
}
