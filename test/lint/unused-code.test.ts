// Proves lint's unused-code check (knip) is real: a planted file nothing imports must make it fail.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function runKnip(): { status: number | null; output: string } {
  const knip = spawnSync(resolve(root, 'node_modules/.bin/knip'), ['--no-progress', '--no-config-hints'], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: knip.status, output: `${knip.stdout}${knip.stderr}` };
}

describe('unused code', () => {
  it('fails on a source file that nothing imports, naming it', () => {
    const planted = resolve(root, 'libs/telemetry/src/lib', `planted-unused-${process.pid}.ts`);
    writeFileSync(planted, 'export const plantedButNeverImported = 1;\n');
    try {
      const knip = runKnip();
      expect(knip.status).toBe(1);
      expect(knip.output).toContain(relative(root, planted));
    } finally {
      rmSync(planted, { force: true });
    }
  });
});
