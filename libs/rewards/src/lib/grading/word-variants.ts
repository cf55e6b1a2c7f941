// Words and symbol variants that name the same thing. The engine reads `\varphi` as the golden ratio and
// `\varepsilon` as a different symbol from `\epsilon`, so the variants are spelled one way before parsing.

const SYMBOL_VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/\\varepsilon(?![a-zA-Z])/g, '\\epsilon'],
  [/\\varphi(?![a-zA-Z])/g, '\\phi'],
  [/\\vartheta(?![a-zA-Z])/g, '\\theta'],
  [/\\varrho(?![a-zA-Z])/g, '\\rho'],
  [/\\varkappa(?![a-zA-Z])/g, '\\kappa'],
];

const WHOLE_ANSWER_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^(?:\+\s*)?(?:infinity|\\infty)$/i, '\\infty'],
  [/^(?:-\s*infinity|negative infinity)$/i, '-\\infty'],
  [/^(?:dne|does not exist|doesn'?t exist|it does not exist)$/i, 'DNE'],
];

/** Spells symbol variants (`\varepsilon`, `\varphi`, …) and whole-answer words (infinity, DNE) one way. */
export function unifyWordVariants(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SYMBOL_VARIANTS) out = out.replace(pattern, replacement);
  for (const [pattern, replacement] of WHOLE_ANSWER_WORDS) if (pattern.test(out)) return replacement;
  return out;
}
