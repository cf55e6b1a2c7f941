import { describe, expect, it } from 'vitest';
import type { ReliabilityScenario } from './scenario.js';
import { listingLine, unmetRequirements } from './scenario-requirements.js';

const scenario = (requires?: ReliabilityScenario['requires']): ReliabilityScenario => ({
  id: 3,
  name: 'network-faults',
  title: 'netns',
  forms: ['short', 'long'],
  ...(requires === undefined ? {} : { requires }),
  budgetMs: () => 1_000,
  run: () => Promise.reject(new Error('not run here')),
});

describe('scenario requirements', () => {
  it('a scenario without needs runs anywhere', () => {
    expect(unmetRequirements(scenario(), { root: false })).toEqual([]);
  });

  it('a scenario that needs root runs only as root, and says why otherwise', () => {
    expect(unmetRequirements(scenario(['root']), { root: true })).toEqual([]);
    expect(unmetRequirements(scenario(['root']), { root: false })).toEqual([
      'root (network namespaces, veth links, iptables packet loss)',
    ]);
  });

  it('lists a scenario as one JSON line with whether it can run here', () => {
    expect(JSON.parse(listingLine(scenario(['root']), { root: false }))).toEqual({
      id: 3,
      name: 'network-faults',
      forms: ['short', 'long'],
      requires: ['root'],
      runnable: false,
      budgetMs: { short: 1_000, long: 1_000 },
    });
  });
});
