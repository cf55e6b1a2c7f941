// Exact trigonometric values at special angles: the Compute Engine already reads `\cos 36^\circ` as
// cos(π/5) and knows its radical form, so the only rule is to keep the degree mark when it is an angle
// inside a trigonometric function (elsewhere `30^\circ` stays plain `30`, as documented, its mark set
// aside as a unit first when it ends the answer).

const TRIG = /\\(?:sin|cos|tan|sec|csc|cot)(?![a-zA-Z])/;
const DEGREE_MARK = /\^\s*\{?\s*\\circ\s*\}?|\\circ(?![a-zA-Z])|\u00b0|\\degree(?![a-zA-Z])/g;

/** True when degree marks in the text are angles of a trigonometric function and must be kept. */
export function hasTrigFunction(text: string): boolean {
  return TRIG.test(text);
}

/** Drops degree marks, or spells them `\degree` (the engine's unit) when `keep` is set. */
export function rewriteDegreeMarks(text: string, keep: boolean): string {
  return text.replace(DEGREE_MARK, keep ? '\\degree ' : '');
}

const TRAILING_DEGREE_MARK = /([\d})])\s*(?:\^\s*\{?\s*\\circ\s*\}?|\\circ|\u00b0|\\degree)\s*$/;
const TRAILING_PERCENT = /([\d})])\s*\\?%\s*$/;

/**
 * A trailing degree mark or percent sign outside a trigonometric function, spelled as a unit word, so the
 * unit rule compares it like any other unit: `30^\circ` equals `30` and `30 degrees`, not `30\text{ rad}`.
 */
export function spellTrailingMarks(text: string): string {
  if (hasTrigFunction(text)) return text;
  return text.replace(TRAILING_DEGREE_MARK, '$1\\text{ degrees}').replace(TRAILING_PERCENT, '$1\\text{ percent}');
}
