import { readFileSync, writeFileSync } from 'node:fs';
import { formatMs, type ScenarioOutcome } from './run-scenario.js';

/** The generated table sits between these lines of docs/reliability.md; everything else is left as written. */
export const FIGURES_START = '<!-- reliability-figures:start (written by `threadloom bench reliability --record`) -->';
export const FIGURES_END = '<!-- reliability-figures:end -->';

const HEADER = [
  '| # | scenario | form | requests | faults | lost | duplicated | 5xx | recover | wall | result | measured (UTC) | details |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

/** One table row of an outcome. */
function figuresRow(outcome: ScenarioOutcome): string {
  const f = outcome.figures;
  const cells = [
    String(outcome.scenario.id),
    outcome.scenario.name,
    outcome.form,
    f === undefined ? '—' : String(f.requests),
    f === undefined ? '—' : String(f.faultsInjected),
    f === undefined ? '—' : String(f.lost),
    f === undefined ? '—' : String(f.duplicated),
    f === undefined ? '—' : String(f.http5xx),
    formatMs(f?.recoverMs),
    formatMs(outcome.wallMs),
    outcome.passed ? 'pass' : 'FAIL',
    outcome.finishedAt,
    details(outcome),
  ];
  return `| ${cells.map((cell) => cell.replaceAll('|', '/')).join(' | ')} |`;
}

function details(outcome: ScenarioOutcome): string {
  const extra = Object.entries(outcome.figures?.extra ?? {}).map(([name, value]) => `${name} ${value}`);
  const failed = (outcome.figures?.checks ?? []).filter((item) => !item.ok).map((item) => `✗ ${item.name}`);
  return [...extra, ...failed, ...(outcome.error === undefined ? [] : [outcome.error])].join('; ');
}

/** Replaces the rows of the same scenario and form in `text`'s figures table (adding the table when missing). */
export function mergeFigures(text: string, outcomes: readonly ScenarioOutcome[]): string {
  const start = text.indexOf(FIGURES_START);
  const end = text.indexOf(FIGURES_END);
  const hasTable = start >= 0 && end > start;
  const body = hasTable ? text.slice(start + FIGURES_START.length, end) : '';
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length > 4 && /^\d+$/.test(cells[1] ?? '')) rows.set(rowKey(Number(cells[1]), cells[3] ?? ''), line);
  }
  for (const outcome of outcomes) rows.set(rowKey(outcome.scenario.id, outcome.form), figuresRow(outcome));
  const sorted = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
  const table = [FIGURES_START, ...HEADER, ...sorted, FIGURES_END].join('\n');
  if (!hasTable) return `${text.trimEnd()}\n\n${table}\n`;
  return `${text.slice(0, start)}${table}${text.slice(end + FIGURES_END.length)}`;
}

function rowKey(id: number, form: string): string {
  return `${String(id).padStart(3, '0')} ${form}`;
}

/** Writes the outcomes into the figures table of `path`. */
export function recordFigures(path: string, outcomes: readonly ScenarioOutcome[]): void {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = '# Reliability\n';
  }
  writeFileSync(path, mergeFigures(text, outcomes));
}
