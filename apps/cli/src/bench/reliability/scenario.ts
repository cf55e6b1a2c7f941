import type { BenchOutput } from '../bench-suite.js';

/** The CI form (small, bounded to a few minutes in all) or the long form run on demand. */
export type ScenarioForm = 'short' | 'long';

/** What a scenario is handed: its form, where to print progress, and an abort once its time bound passes. */
export interface ScenarioContext {
  readonly form: ScenarioForm;
  readonly output: BenchOutput;
  /** Aborted when the scenario's time bound has passed: stop injecting, clean up, return what was measured. */
  readonly signal: AbortSignal;
}

/** One invariant a scenario checked, with what it saw. */
export interface ScenarioCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Figures every scenario reports (docs/reliability.md has one row per scenario). */
export interface ScenarioFigures {
  /** Requests (or HTTP calls, for API scenarios) sent. */
  readonly requests: number;
  readonly faultsInjected: number;
  /** Accepted requests that never reached a terminal state (or vanished). */
  readonly lost: number;
  /** Work counted twice (a thread listed twice in a block, a request settled twice). */
  readonly duplicated: number;
  /** HTTP answers ≥ 500 seen by the scenario's clients. */
  readonly http5xx: number;
  /** Longest time from a fault to the system working again (ms); undefined when not applicable. */
  readonly recoverMs: number | undefined;
  /** Scenario-specific figures, printed and recorded as `name value` pairs. */
  readonly extra: Readonly<Record<string, string | number>>;
  readonly checks: readonly ScenarioCheck[];
}

/** What a scenario needs of the machine beyond the stack: `root` for network namespaces, veth links and iptables packet loss (CI runs as root). */
export type ScenarioRequirement = 'root';

/** One fault scenario of `threadloom bench reliability` (one file each, listed in scenarios.ts). */
export interface ReliabilityScenario {
  /** The scenario number. */
  readonly id: number;
  /** Short kebab-case name, used by `--only`. */
  readonly name: string;
  readonly title: string;
  /** Forms that include this scenario (a scenario too slow for CI runs only in the long form). */
  readonly forms: readonly ScenarioForm[];
  /** What the machine must offer; a scenario whose needs are not met is listed as not run (never as held). */
  readonly requires?: readonly ScenarioRequirement[];
  /** Hard time bound of one run in this form (ms); the run is aborted past it and counts as failed. */
  budgetMs(form: ScenarioForm): number;
  run(context: ScenarioContext): Promise<ScenarioFigures>;
}

/** A check from a condition and what was seen. */
export function check(name: string, ok: boolean, detail: string): ScenarioCheck {
  return { name, ok, detail };
}
