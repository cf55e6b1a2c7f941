import { describe, expect, it } from 'vitest';
import { FIGURES_END, FIGURES_START, mergeFigures } from './record-figures.js';
import type { ScenarioOutcome } from './run-scenario.js';
import type { ReliabilityScenario } from './scenario.js';

const scenario = (id: number, name: string): ReliabilityScenario => ({
  id,
  name,
  title: name,
  forms: ['short', 'long'],
  budgetMs: () => 1_000,
  run: () => Promise.reject(new Error('not run here')),
});

const outcome = (id: number, form: 'short' | 'long', lost = 0): ScenarioOutcome => ({
  scenario: scenario(id, `s${id}`),
  form,
  figures: {
    requests: 100,
    faultsInjected: 20,
    lost,
    duplicated: 0,
    http5xx: 0,
    recoverMs: 1_500,
    extra: { 'kills join': 5 },
    checks: [{ name: 'every request terminal', ok: lost === 0, detail: '' }],
  },
  error: undefined,
  wallMs: 60_000,
  passed: lost === 0,
  finishedAt: '2026-12-03 00:10',
});

describe('mergeFigures', () => {
  it('adds the table to a document without one, leaving the prose', () => {
    const text = mergeFigures('# Reliability\n\nWhy.\n', [outcome(1, 'short')]);
    expect(text).toContain('Why.\n');
    expect(text).toContain(FIGURES_START);
    expect(text).toContain(
      '| 1 | s1 | short | 100 | 20 | 0 | 0 | 0 | 1.5 s | 60.0 s | pass | 2026-12-03 00:10 | kills join 5 |',
    );
  });

  it('replaces the row of the same scenario and form, keeps the others, sorts by scenario then form', () => {
    const first = mergeFigures('# R\n', [outcome(4, 'short'), outcome(1, 'long'), outcome(1, 'short')]);
    const second = mergeFigures(`${first}\nAfter.\n`, [outcome(1, 'short', 2)]);
    const rows = second
      .slice(second.indexOf(FIGURES_START), second.indexOf(FIGURES_END))
      .split('\n')
      .filter((line) => /^\| \d/.test(line));
    expect(rows.map((row) => row.split('|').slice(1, 4).join('|').trim())).toEqual([
      '1 | s1 | long',
      '1 | s1 | short',
      '4 | s4 | short',
    ]);
    expect(rows[1]).toContain('| FAIL |');
    expect(rows[1]).toContain('✗ every request terminal');
    expect(second).toContain('After.\n');
  });
});
