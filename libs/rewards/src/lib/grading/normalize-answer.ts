import { exactPartOfAnnotation } from './annotated-answer.js';
import { extendedForms, GRADING_PROFILES } from './grading-profile.js';
import type { GradingProfile } from './grading-profile.js';
import { hasTrigFunction, rewriteDegreeMarks, spellTrailingMarks } from './special-angles.js';
import { unifyWordVariants } from './word-variants.js';

// The normalisation layer: purely textual clean-up of competition answers before the math engine
// sees them. It never does algebra; it only removes presentation (delimiters, spacing, units, `$`).

type Rewrite = readonly [RegExp, string];

const PRESENTATION: readonly Rewrite[] = [
  [/[\u2212\u2013]/g, '-'],
  [/\u00d7/g, '\\times '],
  [/\u00b7/g, '\\cdot '],
  [/\u03c0/g, '\\pi '],
  [/\u221e|\\infin\b/g, '\\infty '],
  [/\\displaystyle|\\limits/g, ''],
  [/\\left\.|\\right\./g, ''],
  [/\\(?:left|right|[Bb]igg?[lr]?)(?![a-zA-Z])/g, ''],
  [/\\lbrace(?![a-zA-Z])/g, '\\{'],
  [/\\rbrace(?![a-zA-Z])/g, '\\}'],
  [/\\[dt]frac(?![a-zA-Z])/g, '\\frac'],
  [/\\[dt]binom(?![a-zA-Z])/g, '\\binom'],
  [/(\d)(?:\{,\}|\\[,!: ])(?=\d{3}(?!\d))/g, '$1'],
  [/\\!/g, ''],
  [/\\[,;: ]|\\q?quad(?![a-zA-Z])|~/g, ' '],
  [/\\?%/g, ''],
  [/\\\$|\$/g, ''],
  [/\\text(?:rm|bf|it|normal)?\s*\{\s*(and|or)\s*\}/g, ','],
  [/\s+(?:and|or)\s+/g, ','],
  [/^\\mathbb\s*\{?R\}?$|^\\R$|^(?:\\text\{)?all real numbers\}?$/i, '(-\\infty,\\infty)'],
  [/^\\\{\s*\\\}$|^\\varnothing$/, '\\emptyset'],
  [/(\d)\s*(?:\\text\{\s*)?thousand\}?$/, '$1\\times10^{3}'],
  [/(\d)\s*(?:\\text\{\s*)?million\}?$/, '$1\\times10^{6}'],
  [/(\d)\s*(?:\\text\{\s*)?billion\}?$/, '$1\\times10^{9}'],
];

const TEXT_COMMANDS = /\\(?:text(?:rm|bf|it|normal)?|mbox|mathrm|mathbf|mathit|operatorname\*?)\s*\{([^{}]*)\}/g;
const TRAILING_TEXT =
  /^(.*[\d})\]a-zA-Z])\s*\\(?:text(?:rm|normal)?|mbox|mathrm)\s*\{\s*[a-zA-Z][a-zA-Z .^0-9/]*\}(?:\s*\^\s*\{?[23]\}?)?$/s;
const UNIT_WORDS =
  'units?|square units|sq\\.? units|cubic units|cm|centimeters?|mm|millimeters?|meters?|km|kilometers?|inches|inch|feet|foot|ft|yards?|miles?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|degrees?|dollars?|cents?|mph|kg|grams?|pounds?|lbs?|ounces?|liters?|litres?|gallons?|radians?|ways|people|students|dollars';
const TRAILING_UNIT = new RegExp(`^(.*[\\d})\\]])\\s*(?:${UNIT_WORDS})(?:\\s*\\^\\s*\\{?[23]\\}?)?$`, 's');
const VARIABLE_PREFIX = /^[a-zA-Z](?:_\{?\w+\}?)?(?:\([a-z]\))?\s*=\s*(?=\S)/;
// Extended: `f(2) =`, `g(-1) =`, `f^{-1}(3) =` (numbers or one letter as arguments) and `(x, y) =`.
const NAME = String.raw`[a-zA-Z](?:_\{?\w+\}?)?`;
const ARGUMENT = String.raw`\s*(?:-?\d+(?:\.\d+)?|[a-z])\s*`;
const ASSIGNED_PREFIX = new RegExp(
  String.raw`^(?:${NAME}(?:\^\{?-1\}?)?(?:\(${ARGUMENT}(?:,${ARGUMENT})*\))?|\((?:\s*${NAME}\s*,)+\s*${NAME}\s*\))\s*=\s*(?=\S)`,
);
const RELATIONS = /=|<|>|\\[lg]eq?(?![a-zA-Z])|\\neq?(?![a-zA-Z])/g;

/** Options for {@link normalizeAnswer}. */
interface NormalizeOptions {
  /** Keep a leading `x =` (used to retry equation-vs-equation comparisons). */
  readonly keepVariablePrefix?: boolean;
  /** Which equivalence rules apply (default `threadloom`). */
  readonly profile?: GradingProfile;
}

/** A normalised answer and the unit text stripped from it (`$` for a dollar sign), if any. */
interface NormalizedParts {
  readonly text: string;
  readonly unit: string | undefined;
}

/** Removes math-mode delimiters, spacing, `\left`/`\right`, units, `$`, `%`, degrees and trailing punctuation. */
export function normalizeAnswer(raw: string, options: NormalizeOptions = {}): string {
  return normalizeParts(raw, options).text;
}

/** {@link normalizeAnswer}, also returning the unit it stripped (compared by `answer-units.ts`). */
export function normalizeParts(raw: string, options: NormalizeOptions = {}): NormalizedParts {
  const extended = extendedForms(options.profile ?? GRADING_PROFILES.threadloom);
  let text = stripMathDelimiters(raw.trim());
  const dollar = /\\\$|^\$\s*\d/.test(text) ? '$' : undefined;
  if (extended) text = spellTrailingMarks(text);
  for (const [pattern, replacement] of PRESENTATION) text = text.replace(pattern, replacement);
  text = rewriteDegreeMarks(text, extended && hasTrigFunction(text));
  const units = stripUnits(text);
  text = units.text.replace(TEXT_COMMANDS, '$1');
  text = text.replace(/\s+/g, ' ').trim();
  text = text.replace(/(?<![.\\])[.;:]+$|,$/, '').trim();
  text = text.replace(/(^|[^\d])\.(\d)/g, '$10.$2');
  if (extended) text = exactPartOfAnnotation(unifyWordVariants(text));
  if (options.keepVariablePrefix !== true) text = stripVariablePrefix(text, extended);
  return { text: rewriteNumberForms(text), unit: units.unit ?? dollar };
}

/** Drops a single-variable `x =` prefix (also `y_1 =`; extended: `f(2) =`, `(x,y) =`) when it is the only relation. */
export function stripVariablePrefix(text: string, extended = false): string {
  const relations = text.match(RELATIONS)?.length ?? 0;
  return relations === 1 ? text.replace(extended ? ASSIGNED_PREFIX : VARIABLE_PREFIX, '') : text;
}

function stripMathDelimiters(text: string): string {
  const pairs: readonly (readonly [string, string])[] = [
    ['$$', '$$'],
    ['$', '$'],
    ['\\(', '\\)'],
    ['\\[', '\\]'],
  ];
  for (const [open, close] of pairs) {
    if (text.length > open.length + close.length && text.startsWith(open) && text.endsWith(close)) {
      return text.slice(open.length, text.length - close.length).trim();
    }
  }
  return text;
}

function stripUnits(text: string): { readonly text: string; readonly unit: string | undefined } {
  const whole = /^\\(?:text(?:rm|bf|normal)?|mbox|mathrm)\s*\{([^{}]*)\}$/.exec(text);
  let out = whole?.[1]?.trim() ?? text;
  let unit: string | undefined;
  for (const pattern of [TRAILING_TEXT, TRAILING_UNIT]) {
    const kept = pattern.exec(out)?.[1];
    if (kept === undefined) continue;
    unit = out.slice(kept.length).trim();
    out = kept.trim();
  }
  return { text: out, unit };
}

// Integers with thousands separators, and mixed numbers, are rewritten before the engine sees them:
// the engine would read `1,000` as a tuple and `3 1/2` as a product.
function rewriteNumberForms(text: string): string {
  if (/^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return text.replace(/,/g, '');
  if (/^[-+]?\d{1,3}(?: \d{3})+(?:\.\d+)?$/.test(text)) return text.replace(/ /g, '');
  const mixed = /^(-?)(\d+)\s*(?:\\frac\{(\d+)\}\{(\d+)\}|\s(\d+)\/(\d+))$/.exec(text);
  if (mixed === null) return text;
  const [, sign = '', whole = '', fracNum, fracDen, slashNum, slashDen] = mixed;
  const num = Number(fracNum ?? slashNum);
  const den = Number(fracDen ?? slashDen);
  if (!(num < den) || den === 0) return text;
  return `${sign}(${whole}+\\frac{${num}}{${den}})`;
}
