import type { Expression } from '@cortex-js/compute-engine';

const MAX_EXPONENT = 2_000;
const MAX_FACTORIAL = 500;

/** True when exact arithmetic on the expression could build enormous integers (`9^{9^9}`, `(10^{10})!`). */
export function isHuge(expr: Expression): boolean {
  return hugeJson(expr.json);
}

function hugeJson(json: unknown): boolean {
  if (!Array.isArray(json)) return false;
  const [head, ...args] = json as unknown[];
  if (head === 'Power' && Math.abs(asNumber(args[1])) > MAX_EXPONENT && Math.abs(asNumber(args[0])) !== 1) return true;
  if (head === 'Factorial' && Math.abs(asNumber(args[0])) > MAX_FACTORIAL) return true;
  return args.some(hugeJson);
}

// Non-numeric operands count as 0, so a symbolic exponent is never treated as huge.
function asNumber(json: unknown): number {
  if (typeof json === 'number') return json;
  if (typeof json === 'object' && json !== null && 'num' in json && typeof json.num === 'string')
    return Number(json.num);
  return 0;
}
