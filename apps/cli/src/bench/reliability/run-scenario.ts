import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { BenchOutput } from '../bench-suite.js';
import type { ReliabilityScenario, ScenarioFigures, ScenarioForm } from './scenario.js';

/** After its time bound, a scenario gets this long to clean up and return before it is reported as hung. */
const CLEANUP_GRACE_MS = 60_000;

/** One scenario's run: its figures (unless it threw or hung), its wall time and its verdict. */
export interface ScenarioOutcome {
  readonly scenario: ReliabilityScenario;
  readonly form: ScenarioForm;
  readonly figures: ScenarioFigures | undefined;
  /** Why it failed without figures, or that it overran its time bound. */
  readonly error: string | undefined;
  readonly wallMs: number;
  readonly passed: boolean;
  /** UTC time the run finished, `YYYY-MM-DD HH:MM`. */
  readonly finishedAt: string;
}

/** Runs one scenario under its time bound; never throws. */
export async function runScenario(
  scenario: ReliabilityScenario,
  form: ScenarioForm,
  output: BenchOutput,
): Promise<ScenarioOutcome> {
  const budgetMs = scenario.budgetMs(form);
  const signal = AbortSignal.timeout(budgetMs);
  const started = performance.now();
  const hung = sleep(budgetMs + CLEANUP_GRACE_MS, undefined, { ref: false }).then(() => {
    throw new Error('did not stop after its time bound');
  });
  let figures: ScenarioFigures | undefined;
  let error: string | undefined;
  try {
    figures = await Promise.race([scenario.run({ form, output, signal }), hung]);
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  const wallMs = performance.now() - started;
  if (error === undefined && signal.aborted) error = `overran its time bound of ${budgetMs / 1000} s`;
  return {
    scenario,
    form,
    figures,
    error,
    wallMs,
    passed: error === undefined && figures !== undefined && holds(figures),
    finishedAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
  };
}

/** The suite's invariants: nothing lost, nothing counted twice, no 5xx, every scenario check true. */
export function holds(figures: ScenarioFigures): boolean {
  return figures.lost === 0 && figures.duplicated === 0 && figures.http5xx === 0 && figures.checks.every((c) => c.ok);
}

/** The outcome as printed lines. */
export function describeOutcome(outcome: ScenarioOutcome): string[] {
  const { figures } = outcome;
  const lines: string[] = [];
  if (figures !== undefined) {
    lines.push(
      `  requests ${figures.requests}  faults ${figures.faultsInjected}  lost ${figures.lost}  duplicated ${figures.duplicated}  5xx ${figures.http5xx}  recover ${formatMs(figures.recoverMs)}  wall ${formatMs(outcome.wallMs)}`,
    );
    const extra = Object.entries(figures.extra).map(([name, value]) => `${name} ${value}`);
    if (extra.length > 0) lines.push(`  ${extra.join('  ')}`);
    for (const item of figures.checks) lines.push(`  ${item.ok ? '✓' : '✗'} ${item.name}: ${item.detail}`);
  }
  if (outcome.error !== undefined) lines.push(`  ✗ ${outcome.error}`);
  lines.push(`  ${outcome.passed ? 'PASS' : 'FAIL'} scenario ${outcome.scenario.id} (${outcome.form} form)`);
  return lines;
}

/** Milliseconds as seconds with one decimal, or `n/a`. */
export function formatMs(ms: number | undefined): string {
  return ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`;
}
