import { isFunction } from '@cortex-js/compute-engine';
import type { Expression } from '@cortex-js/compute-engine';
import type { Deadline } from './deadline.js';
import { GRADE_REASONS, verdict } from './grade-result.js';
import type { Verdict } from './grade-result.js';
import { boxMath, withinDeadline } from './math-engine.js';

// Two equations are the same relation when their sides' differences are proportional by a non-zero constant:
// `2x+4y=12` and `x+2y-6=0`, `y=2x+1` and `2y=4x+2`. The constant is read at one sample point where the truth's
// difference is non-zero, then the engine's identity prover checks lhs−rhs ≡ k·(lhs'−rhs') everywhere.
// Without `scaled` (the reference-code profile) only k = ±1 is tried.

const SAMPLE_POINTS: readonly (readonly number[])[] = [
  [3, 5, 7, 11],
  [2, -3, 13, 17],
  [-7, 19, 4, -5],
];

function difference(e: Expression): Expression {
  return isFunction(e) ? boxMath(['Subtract', e.ops[0]?.json ?? 0, e.ops[1]?.json ?? 0]) : e;
}

function identical(a: Expression, b: Expression): boolean {
  return a.isIdenticallyEqual(b) === true;
}

// k = da(p) / dt(p) at the first sample point where dt(p) is a non-zero finite number.
function ratioAtSample(da: Expression, dt: Expression): Expression | undefined {
  const unknowns = [...new Set([...da.unknowns, ...dt.unknowns])];
  for (const point of SAMPLE_POINTS) {
    const at = Object.fromEntries(unknowns.map((name, i) => [name, point[i % point.length] ?? 1]));
    const k = boxMath(['Divide', da.subs(at).json, dt.subs(at).json]).evaluate();
    const value = k.N().re;
    if (Number.isFinite(value) && value !== 0 && k.unknowns.length === 0) return k;
  }
  return undefined;
}

/** Compares two parsed equations as relations (see above). */
export function compareEquations(a: Expression, t: Expression, deadline: Deadline, scaled: boolean): Verdict {
  const same = withinDeadline(deadline, 'identity', () => {
    const da = difference(a);
    const dt = difference(t);
    if (!scaled) return identical(da, dt) || identical(da, boxMath(['Negate', dt.json]));
    // One identity check: k is ±1 for a rearranged equation and another constant for a scaled one.
    const k = ratioAtSample(da, dt);
    return k === undefined ? identical(da, dt) : identical(da, boxMath(['Multiply', k.json, dt.json]));
  });
  return verdict(same, same ? GRADE_REASONS.equivalent : GRADE_REASONS.notEqual);
}
