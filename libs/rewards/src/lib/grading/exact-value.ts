import type { Expression } from '@cortex-js/compute-engine';

/** A constant's exact value when it is rational (integers included), otherwise `other`. */
export type ExactValue =
  | { readonly kind: 'rational'; readonly num: bigint; readonly den: bigint; readonly fromDecimal: boolean }
  | { readonly kind: 'other' };

const OTHER: ExactValue = { kind: 'other' };
const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i;

/** Reads the exact value of an evaluated constant from its MathJSON; decimals become exact rationals. */
export function exactValue(expr: Expression): ExactValue {
  const json: unknown = expr.json;
  const literal = numberLiteral(json);
  if (literal !== undefined) return decimalToRational(literal);
  if (Array.isArray(json) && json[0] === 'Rational' && json.length === 3) {
    const num = numberLiteral(json[1]);
    const den = numberLiteral(json[2]);
    if (num === undefined || den === undefined) return OTHER;
    const n = decimalToRational(num);
    const d = decimalToRational(den);
    if (n.kind !== 'rational' || d.kind !== 'rational' || d.num === 0n) return OTHER;
    return { kind: 'rational', num: n.num * d.den, den: n.den * d.num, fromDecimal: false };
  }
  return OTHER;
}

/** True when two exact rationals are equal. */
export function sameRational(a: ExactValue, b: ExactValue): boolean {
  return a.kind === 'rational' && b.kind === 'rational' && a.num * b.den === b.num * a.den;
}

function numberLiteral(json: unknown): string | undefined {
  if (typeof json === 'number') return Number.isFinite(json) ? String(json) : undefined;
  if (typeof json === 'object' && json !== null && 'num' in json && typeof json.num === 'string') return json.num;
  return undefined;
}

function decimalToRational(text: string): ExactValue {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return OTHER;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return OTHER;
  const shift = Number(exponent) - fraction.length;
  if (Math.abs(shift) > 400) return OTHER;
  let num = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  let den = 1n;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den = 10n ** BigInt(-shift);
  return { kind: 'rational', num, den, fromDecimal: fraction.replace(/0+$/, '') !== '' || shift < 0 };
}
