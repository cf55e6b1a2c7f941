import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade } from './grade.js';
import { GRADE_REASONS } from './grade-result.js';

const REASONS = new Set<string>(Object.values(GRADE_REASONS));
const ATOMS = [
  String.raw`\frac`,
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  String.raw`\{`,
  String.raw`\}`,
  ',',
  'x',
  'y',
  '1',
  '2',
  '9',
  '^',
  '_',
  String.raw`\sqrt`,
  String.raw`\pi`,
  'e',
  'i',
  '.',
  '-',
  '+',
  '=',
  String.raw`\left(`,
  String.raw`\right)`,
  String.raw`\infty`,
  String.raw`\cup`,
  String.raw`\begin{pmatrix}`,
  String.raw`\end{pmatrix}`,
  '&',
  String.raw`\\`,
  '!',
  String.raw`\sin`,
  String.raw`\text{`,
  ' ',
  '%',
  '$',
  String.raw`\log`,
  '0.3',
  '10^{10^{',
  String.raw`\sum_{k=1}^{n}`,
  String.raw`\binom`,
];
const latexish = fc.array(fc.constantFrom(...ATOMS), { maxLength: 25 }).map((parts) => parts.join(''));

describe('grade on arbitrary input', () => {
  it('never throws and always gives a known reason (LaTeX-like fragments)', () => {
    fc.assert(
      fc.property(latexish, latexish, (answer, truth) => {
        const result = grade(answer, truth);
        expect(REASONS.has(result.reason)).toBe(true);
        expect(typeof result.correct).toBe('boolean');
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, t) =>
        REASONS.has(grade(a, t).reason),
      ),
      {
        numRuns: 300,
        seed: 11,
      },
    );
  });

  it('is reflexive for well-formed answers', () => {
    // A generous cap: this checks verdicts, and a loaded CI machine must not turn them into timeouts.
    const options = { timeLimitMs: 10_000 };
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 999 }), (n, d) => {
        const latex = String.raw`\frac{${n}}{${d}}`;
        return grade(latex, latex, options).correct && grade(latex, `${n}/${d}`, options).correct;
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('keeps the engine console diagnostics out of the logs and reports the input as unparseable', () => {
    // The engine logs a canonicalisation failure for this input; the fail-on-console setup would catch a leak.
    expect(grade(String.raw`\sum_{k=1}^{n}=`, '1')).toMatchObject({ correct: false, reason: 'unparseable' });
  });
});
