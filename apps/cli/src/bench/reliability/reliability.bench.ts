import { EXIT_FAILED, EXIT_OK } from '../../exit-codes.js';
import type { BenchOptions, BenchOutput, BenchSuite } from '../bench-suite.js';
import { recordFigures } from './record-figures.js';
import { describeOutcome, runScenario, type ScenarioOutcome } from './run-scenario.js';
import type { ReliabilityScenario, ScenarioForm } from './scenario.js';
import { SCENARIOS } from './scenarios.js';

/** The scenarios `--only` names (ids or names, comma-separated), or all of them. */
export function selectScenarios(
  all: readonly ReliabilityScenario[],
  only: readonly string[] | undefined,
): ReliabilityScenario[] {
  if (only === undefined || only.length === 0) return [...all];
  return all.filter((scenario) => only.includes(String(scenario.id)) || only.includes(scenario.name));
}

async function runReliability(output: BenchOutput, options: BenchOptions = { quick: false }): Promise<number> {
  const form: ScenarioForm = options.long === true ? 'long' : 'short';
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of selectScenarios(SCENARIOS, options.only)) {
    if (!scenario.forms.includes(form)) {
      output.line(`### scenario ${scenario.id} ${scenario.name}: long form only (run with --long)`);
      continue;
    }
    output.line(
      `### scenario ${scenario.id} ${scenario.name} — ${scenario.title} (${form} form, bound ${scenario.budgetMs(form) / 1000} s)`,
    );
    const outcome = await runScenario(scenario, form, output);
    for (const line of describeOutcome(outcome)) output.line(line);
    outcomes.push(outcome);
  }
  if (options.record !== undefined) {
    recordFigures(options.record, outcomes);
    output.line(`figures recorded in ${options.record}`);
  }
  const held = outcomes.filter((outcome) => outcome.passed).length;
  output.line(`reliability (${form} form): ${held} of ${outcomes.length} scenarios held`);
  return held === outcomes.length ? EXIT_OK : EXIT_FAILED;
}

/** `threadloom bench reliability`: the fault suite (short form for CI; `--long` on demand; `--record` writes docs/reliability.md). */
export const RELIABILITY_BENCH: BenchSuite = {
  name: 'reliability',
  description:
    'fault suite: crashes, engine faults, malformed output, rolling restarts — lost, duplicated, 5xx and time to recover',
  run: runReliability,
};
