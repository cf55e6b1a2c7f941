import type { ReliabilityScenario, ScenarioRequirement } from './scenario.js';

/** What this machine offers a scenario. */
interface MachineAbilities {
  readonly root: boolean;
}

/** The abilities of the machine this process runs on. */
export function machineAbilities(): MachineAbilities {
  return { root: process.getuid?.() === 0 };
}

const MEANING: Readonly<Record<ScenarioRequirement, string>> = {
  root: 'root (network namespaces, veth links, iptables packet loss)',
};

/** The scenario's requirements this machine does not meet, described (empty when it can run). */
export function unmetRequirements(scenario: ReliabilityScenario, abilities: MachineAbilities): string[] {
  return (scenario.requires ?? []).filter((need) => !abilities[need]).map((need) => MEANING[need]);
}

/** One `--list` line: the scenario's id, name, forms, needs, whether it can run here and its time bounds, as JSON. */
export function listingLine(scenario: ReliabilityScenario, abilities: MachineAbilities): string {
  return JSON.stringify({
    id: scenario.id,
    name: scenario.name,
    forms: scenario.forms,
    requires: scenario.requires ?? [],
    runnable: unmetRequirements(scenario, abilities).length === 0,
    budgetMs: Object.fromEntries(scenario.forms.map((form) => [form, scenario.budgetMs(form)])),
  });
}
