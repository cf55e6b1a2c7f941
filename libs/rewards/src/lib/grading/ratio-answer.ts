import { splitTopLevel } from './split-top-level.js';

// Ratios: `3:2` is the number 3/2, and `1:2:3` the direction (1, 2/1, 3/1) — equal up to a common factor,
// so `6:4` = `3:2` = `\frac32` and `2:4:6` = `1:2:3`. Two clock times (`10:15` vs `20:30`) stay text.

const CLOCK_TIME = /^\d{1,2}:\d{2}$/;
const NOT_A_TERM = /\\\{|\\mid|[=<>|]|\\(?:le|ge|leq|geq|in)(?![a-zA-Z])/;

function ratioTerms(text: string): string[] | undefined {
  if (!text.includes(':')) return undefined;
  const terms = splitTopLevel(text, ':');
  if (terms.length < 2 || terms.length > 6) return undefined;
  return terms.every((term) => term !== '' && !NOT_A_TERM.test(term)) ? terms : undefined;
}

function asNumbers(terms: readonly string[]): string {
  const [first = '1', ...rest] = terms;
  if (rest.length === 1) return `\\frac{${first}}{${rest[0] ?? '1'}}`;
  return `(1, ${rest.map((term) => `\\frac{${term}}{${first}}`).join(', ')})`;
}

/** Rewrites ratio answers as numbers (two terms) or normalised tuples (more), unless both are clock times. */
export function rewriteRatios(answer: string, truth: string): readonly [string, string] {
  if (CLOCK_TIME.test(answer) && CLOCK_TIME.test(truth)) return [answer, truth];
  const rewrite = (text: string): string => {
    const terms = ratioTerms(text);
    return terms === undefined ? text : asNumbers(terms);
  };
  return [rewrite(answer), rewrite(truth)];
}
