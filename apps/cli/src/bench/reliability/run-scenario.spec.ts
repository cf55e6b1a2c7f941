import { describe, expect, it } from 'vitest';
import { holds, runScenario } from './run-scenario.js';
import type { ReliabilityScenario, ScenarioContext, ScenarioFigures } from './scenario.js';

const figures: ScenarioFigures = {
  requests: 1,
  faultsInjected: 0,
  lost: 0,
  duplicated: 0,
  http5xx: 0,
  recoverMs: undefined,
  extra: {},
  checks: [],
};

const lines: string[] = [];
const output = { line: (text: string) => lines.push(text) };

function scenario(run: (context: ScenarioContext) => Promise<ScenarioFigures>, budgetMs = 200): ReliabilityScenario {
  return { id: 9, name: 'probe', title: 'probe', forms: ['short'], budgetMs: () => budgetMs, run };
}

describe('runScenario', () => {
  it('passes a scenario whose invariants hold', async () => {
    const outcome = await runScenario(
      scenario(() => Promise.resolve(figures)),
      'short',
      output,
    );
    expect(outcome.passed).toBe(true);
    expect(outcome.error).toBeUndefined();
  });

  it('fails on anything lost, duplicated, any 5xx or a failed check', () => {
    expect(holds({ ...figures, lost: 1 })).toBe(false);
    expect(holds({ ...figures, duplicated: 1 })).toBe(false);
    expect(holds({ ...figures, http5xx: 1 })).toBe(false);
    expect(holds({ ...figures, checks: [{ name: 'x', ok: false, detail: '' }] })).toBe(false);
  });

  it('aborts a scenario past its bound and fails it, with the figures it returned', async () => {
    const outcome = await runScenario(
      scenario(
        (context) =>
          new Promise((resolve) => context.signal.addEventListener('abort', () => resolve(figures), { once: true })),
        50,
      ),
      'short',
      output,
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.error).toBe('overran its time bound of 0.05 s');
    expect(outcome.figures).toBe(figures);
  });

  it('reports a scenario that throws, without throwing', async () => {
    const outcome = await runScenario(
      scenario(() => Promise.reject(new Error('redis-server not found'))),
      'short',
      output,
    );
    expect(outcome).toMatchObject({ passed: false, error: 'redis-server not found', figures: undefined });
  });
});
