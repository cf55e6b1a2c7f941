import { CancellationError, ComputeEngine } from '@cortex-js/compute-engine';
import type { Expression } from '@cortex-js/compute-engine';
import type { Deadline } from './deadline.js';
import { EngineDiagnosticError } from './engine-diagnostic.error.js';
import { GradeTimeoutError } from './grade-timeout.error.js';
import { withSilencedConsole } from './silence-console.js';

let shared: ComputeEngine | undefined;

// Expressions that make the engine load its lazily built libraries, so the first real grade
// does not spend its time budget on that (first use of trigonometry alone takes ~100 ms).
const WARM_UP = ['\\sin(\\pi/6)+\\sqrt{8}', '\\frac{x^2-1}{x-1}', '\\{1,2\\}', '(1,2]', '2+3i', '\\log_2 8', '5!'];

/** The CortexJS Compute Engine shared by every grade; created and warmed up on first use (~200 ms). */
export function mathEngine(): ComputeEngine {
  if (shared === undefined) {
    const ce = new ComputeEngine();
    for (const latex of WARM_UP) ce.parse(latex).evaluate().N();
    ce.parse('(x+1)^2').isIdenticallyEqual(ce.parse('x^2+2x+1'));
    shared = ce;
  }
  return shared;
}

/** Runs `fn` under the engine's own time limit, capped by the grade's deadline. */
export function withinDeadline<T>(deadline: Deadline, stage: string, fn: () => T): T {
  const ms = deadline.remaining();
  if (ms <= 0) throw new GradeTimeoutError(stage);
  try {
    const run = fn as () => T extends Promise<unknown> ? never : T;
    const { value, messages } = withSilencedConsole(() => mathEngine().withTimeLimit(ms, run));
    if (messages > 0) throw new EngineDiagnosticError(stage, messages);
    return value;
  } catch (error) {
    if (error instanceof CancellationError) throw new GradeTimeoutError(stage);
    throw error;
  }
}

/** Runs `fn` in a fresh engine scope so symbols declared while parsing one grade do not leak into the next. */
export function inScope<T>(fn: () => T): T {
  const ce = mathEngine();
  ce.pushScope();
  try {
    return fn();
  } finally {
    ce.popScope();
  }
}

/** Parses LaTeX into a canonical expression; `undefined` when the engine reports a syntax error. */
export function parseMath(latex: string, deadline: Deadline): Expression | undefined {
  const expr = withinDeadline(deadline, 'parse', () => mathEngine().parse(latex));
  return expr.isValid ? expr : undefined;
}

/** Boxes a MathJSON expression (used to build differences of equation sides). */
export function boxMath(json: Expression['json']): Expression {
  return mathEngine().box(json);
}
