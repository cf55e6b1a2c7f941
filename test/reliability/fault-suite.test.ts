// The fault suite's short form, as CI runs it: every registered scenario that this machine can run
// (all of them as root, which CI is) holds, with lost = 0, duplicated = 0 and 5xx = 0 recorded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../cli/cli-process.js';

/** One line of `threadloom bench reliability --list`. */
interface Listed {
  readonly id: number;
  readonly name: string;
  readonly forms: readonly string[];
  readonly requires: readonly string[];
  readonly runnable: boolean;
  readonly budgetMs: Readonly<Record<string, number>>;
}

// Listed while the file is collected, so the test's timeout follows the scenarios registered.
const listing = spawnSync(process.execPath, [CLI, 'bench', 'reliability', '--list'], { cwd: ROOT, encoding: 'utf8' });
const registered = listing.stdout
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line) as Listed);
const expected = registered.filter((scenario) => scenario.forms.includes('short') && scenario.runnable);
/** Past its bound a scenario gets 60 s to clean up (run-scenario.ts); one more minute for the CLI itself. */
const boundMs = expected.reduce((sum, scenario) => sum + (scenario.budgetMs['short'] ?? 0) + 60_000, 60_000);

describe('threadloom bench reliability (short form)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-reliability-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the registry, and as root every scenario can run', () => {
    expect(listing.stderr).toBe('');
    expect(listing.status).toBe(0);
    expect(registered.map((scenario) => scenario.id)).toEqual(expect.arrayContaining([1, 2, 6, 7, 8]));
    const isRoot = process.getuid?.() === 0;
    // A scenario may need root (network namespaces); as root, which CI is, every one runs.
    for (const scenario of registered) expect(scenario.runnable).toBe(isRoot || !scenario.requires.includes('root'));
  });

  it(
    'holds every registered short-form scenario and records lost = 0, duplicated = 0, 5xx = 0',
    async () => {
      const record = join(dir, 'reliability.md');
      const result = await runCli(['bench', 'reliability', '--record', record], boundMs);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(
        `reliability (short form): ${expected.length} of ${expected.length} scenarios held`,
      );
      expect(result.code).toBe(0);
      const rows = readFileSync(record, 'utf8')
        .split('\n')
        .filter((line) => /^\| \d+ \|/.test(line))
        .map((row) => row.split('|').map((cell) => cell.trim()));
      expect(rows.map((cells) => Number(cells[1]))).toEqual(
        expected.map((scenario) => scenario.id).sort((a, b) => a - b),
      );
      for (const cells of rows) {
        expect(cells[3]).toBe('short');
        // lost, duplicated, 5xx
        expect(cells.slice(6, 9)).toEqual(['0', '0', '0']);
        expect(cells[11]).toBe('pass');
      }
    },
    boundMs + 10_000,
  );
});
