import { EXIT_FAILED, EXIT_OK } from '../../exit-codes.js';
import type { BenchOptions, BenchOutput, BenchSuite } from '../bench-suite.js';
import { recordFigures } from './record-figures.js';
import { describeOutcome, runScenario, type ScenarioOutcome } from './run-scenario.js';
import type { ReliabilityScenario, ScenarioForm } from './scenario.js';
import { listingLine, machineAbilities, unmetRequirements } from './scenario-requirements.js';
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
  const abilities = machineAbilities();
  const selected = selectScenarios(SCENARIOS, options.only);
  if (options.list === true) {
    for (const scenario of selected) output.line(listingLine(scenario, abilities));
    return EXIT_OK;
  }
  const form: ScenarioForm = options.long === true ? 'long' : 'short';
  const outcomes: ScenarioOutcome[] = [];
  let notRun = 0;
  for (const scenario of selected) {
    const unmet = unmetRequirements(scenario, abilities);
    if (!scenario.forms.includes(form) || unmet.length > 0) {
      const why = unmet.length > 0 ? `not run: needs ${unmet.join(', ')}` : 'long form only (run with --long)';
      output.line(`### scenario ${scenario.id} ${scenario.name}: ${why}`);
      if (unmet.length > 0) notRun += 1;
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
  const skipped = notRun === 0 ? '' : `; ${notRun} not run (machine lacks what they need)`;
  output.line(`reliability (${form} form): ${held} of ${outcomes.length} scenarios held${skipped}`);
  return held === outcomes.length ? EXIT_OK : EXIT_FAILED;
}

/** `threadloom bench reliability`: the fault suite (short form for CI; `--long` on demand; `--record` writes docs/reliability.md). */
export const RELIABILITY_BENCH: BenchSuite = {
  name: 'reliability',
  description:
    'fault suite: crashes, engine faults, malformed output, rolling restarts — lost, duplicated, 5xx and time to recover',
  run: runReliability,
};
