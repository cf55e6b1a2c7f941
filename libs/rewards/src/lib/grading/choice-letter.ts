const CHOICE = /^\(?\s*([A-E])\s*\)?(?:\s.*)?$/s;
const LOWER_CHOICE = /^\(\s*([a-e])\s*\)(?:\s.*)?$/s;

/** The multiple-choice letter of a normalised answer (`A`, `(B)`, `(c) 12`), or `undefined`. */
export function choiceLetter(normalized: string): string | undefined {
  const upper = CHOICE.exec(normalized)?.[1];
  if (upper !== undefined) return upper;
  return LOWER_CHOICE.exec(normalized)?.[1]?.toUpperCase();
}

/** True when a truth is a bare multiple-choice letter (`C`, `(C)`), so the answer must name the same letter. */
export function isChoiceTruth(normalized: string): boolean {
  return /^\(?\s*[A-E]\s*\)?$/.test(normalized) || /^\(\s*[a-e]\s*\)$/.test(normalized);
}
