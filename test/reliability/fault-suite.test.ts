// The fault suite's short form, as CI runs it: every scenario holds and its figures are recorded.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-process.js';

describe('threadloom bench reliability (short form)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-reliability-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds every short-form scenario and records lost = 0, duplicated = 0, 5xx = 0', async () => {
    const record = join(dir, 'reliability.md');
    const result = await runCli(['bench', 'reliability', '--record', record], 480_000);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/reliability \(short form\): (\d+) of \1 scenarios held/);
    expect(result.code).toBe(0);
    const rows = readFileSync(record, 'utf8')
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      const cells = row.split('|').map((cell) => cell.trim());
      expect(cells[3]).toBe('short');
      expect(cells.slice(6, 9)).toEqual(['0', '0', '0']);
      expect(cells[11]).toBe('pass');
    }
  }, 500_000);
});
