/** A numeral written in an explicit base, such as `1011_2` or `2A_{16}`. */
interface BaseNumber {
  readonly digits: string;
  readonly base: number;
}

const SUBSCRIPTED = /^\(?([0-9A-Za-z]+)\)?_\{?\(?(\d{1,2})\)?\}?$/;

/** Parses `digits_base` (also `(digits)_{base}`); `undefined` for anything else. */
export function parseBaseNumber(normalized: string): BaseNumber | undefined {
  const match = SUBSCRIPTED.exec(normalized.replace(/\s+/g, ''));
  if (match === null) return undefined;
  const base = Number(match[2]);
  const digits = (match[1] ?? '').toUpperCase();
  return base >= 2 && base <= 36 && digitsFitBase(digits, base) ? { digits, base } : undefined;
}

/** True when the answer writes the same numeral as the truth, with or without the subscript. */
export function sameBaseNumber(answer: string, truth: BaseNumber): boolean {
  const parsed = parseBaseNumber(answer);
  if (parsed !== undefined) return parsed.base === truth.base && stripZeros(parsed.digits) === stripZeros(truth.digits);
  return stripZeros(answer.replace(/\s+/g, '').toUpperCase()) === stripZeros(truth.digits);
}

function digitsFitBase(digits: string, base: number): boolean {
  return [...digits].every((ch) => Number.parseInt(ch, 36) < base);
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=.)/, '');
}
