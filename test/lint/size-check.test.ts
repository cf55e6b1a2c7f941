// Proves the size check in `npm run lint` fails on an oversize file or function and lists each one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

/** A function whose body has `bodyLines` statements: `bodyLines + 2` lines from signature to brace. */
const fn = (name: string, bodyLines: number): string =>
  `export function ${name}(): number {\n${'  void 0;\n'.repeat(bodyLines - 1)}  return 1;\n}\n`;

function checkSizes(dir: string): { status: number | null; stderr: string } {
  const run = spawnSync(tsx, [resolve(root, 'scripts/check-sizes.ts'), '.'], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

describe('scripts/check-sizes.ts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'size-check-'));
    mkdirSync(join(dir, 'nested'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes files and functions at the limits, and ignores specs', () => {
    writeFileSync(join(dir, 'at-limit.ts'), fn('sixty', 58) + '\n'.repeat(300 - 60));
    writeFileSync(join(dir, 'long.spec.ts'), fn('longTest', 200));
    expect(checkSizes(dir)).toEqual({ status: 0, stderr: '' });
  });

  it('fails listing each oversize file and function', () => {
    writeFileSync(join(dir, 'nested', 'long-function.ts'), `const a = 1;\n${fn('sixtyOne', 59)}`);
    writeFileSync(join(dir, 'long-file.ts'), 'export const x = 1;\n'.repeat(301));
    const { status, stderr } = checkSizes(dir);
    expect(status).toBe(1);
    expect(stderr.split('\n').filter(Boolean).sort()).toEqual(
      [
        'long-file.ts:1: file has 301 lines (limit 300)',
        'nested/long-function.ts:2: function sixtyOne has 61 lines (limit 60)',
        '2 size violation(s): files ≤ 300 lines, functions ≤ 60.',
      ].sort(),
    );
  });
});
