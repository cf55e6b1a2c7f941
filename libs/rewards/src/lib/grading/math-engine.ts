import { CancellationError, ComputeEngine } from '@cortex-js/compute-engine';
import type { Expression } from '@cortex-js/compute-engine';
import type { Deadline } from './deadline.js';
import { EngineDiagnosticError } from './engine-diagnostic.error.js';
import { GradeTimeoutError } from './grade-timeout.error.js';
import { withSilencedConsole } from './silence-console.js';

let shared: ComputeEngine | undefined;

/** The CortexJS Compute Engine shared by every grade; created on first use (~60 ms, see `warmUpGrader`). */
function mathEngine(): ComputeEngine {
  shared ??= new ComputeEngine();
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
