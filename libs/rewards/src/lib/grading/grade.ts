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
import { inScope, mathEngine } from './math-engine.js';
import { normalizeAnswer, stripVariablePrefix } from './normalize-answer.js';
import { maxDepth } from './split-top-level.js';

const DEFAULT_TIME_LIMIT_MS = 100;
const DEFAULT_MAX_LENGTH = 1_000;
const MAX_DEPTH = 40;

/** Grades an answer against one or more ground truths; correct when any truth matches. Never throws. */
export function grade(answer: string | undefined, truth: string | readonly string[], options: GradeOptions = {}): GradeResult {
  const truths = typeof truth === 'string' ? [truth] : truth;
  mathEngine(); // the one-off engine start-up is not charged to this grade's time cap
  const deadline = createDeadline(options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, options.now ?? (() => performance.now()));
  const maxLength = options.maxInputLength ?? DEFAULT_MAX_LENGTH;
  let first: GradeResult | undefined;
  for (const one of truths) {
    const result = gradeOne(answer, one, deadline, maxLength);
    if (result.correct) return result;
    first ??= result;
  }
  return first ?? { ...verdict(false, GRADE_REASONS.noAnswer), normalizedAnswer: '', normalizedTruth: '' };
}

function gradeOne(answer: string | undefined, rawTruth: string, deadline: Deadline, maxLength: number): GradeResult {
  const truthText = rawTruth.includes('\\boxed') ? (extractBoxedAnswer(rawTruth) ?? rawTruth) : rawTruth;
  const tooLong = (answer?.length ?? 0) > maxLength || truthText.length > maxLength;
  if (tooLong) return { ...verdict(false, GRADE_REASONS.tooComplex), normalizedAnswer: '', normalizedTruth: '' };
  const normalizedAnswer = answer === undefined ? '' : normalizeAnswer(answer);
  const normalizedTruth = normalizeAnswer(truthText);
  const result = normalizedAnswer === '' ? verdict(false, GRADE_REASONS.noAnswer) : safeCompare(normalizedAnswer, normalizedTruth, deadline);
  return { ...result, normalizedAnswer, normalizedTruth };
}

// Engine failures are verdicts, never exceptions: a worker must survive any model output.
function safeCompare(answer: string, truth: string, deadline: Deadline): Verdict {
  if (maxDepth(answer) > MAX_DEPTH || maxDepth(truth) > MAX_DEPTH) return verdict(false, GRADE_REASONS.tooComplex);
  try {
    return inScope(() => compareNormalized(answer, truth, deadline));
  } catch (error) {
    return verdict(false, error instanceof GradeTimeoutError ? GRADE_REASONS.timeout : GRADE_REASONS.unparseable);
  }
}

function compareNormalized(answer: string, truth: string, deadline: Deadline): Verdict {
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
    compareNormalized(stripVariablePrefix(a.trim()), stripVariablePrefix(t.trim()), deadline);
  const a = answerShape(answer);
  const t = answerShape(truth);
  if (a.kind === 'scalar' && t.kind === 'scalar') return compareScalars(answer, truth, deadline);
  return compareShapes(a, t, compareItems);
}
