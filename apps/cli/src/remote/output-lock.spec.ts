import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockOutput, lockPathFor } from './output-lock.js';

const out = (): string => join(mkdtempSync(join(tmpdir(), 'threadloom-lock-')), 'results.jsonl');

describe('lockOutput', () => {
  it('claims the output for this process and releases it', () => {
    const path = out();
    const release = lockOutput(path);
    expect(readFileSync(lockPathFor(path), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('refuses while another live process holds it', () => {
    const path = out();
    writeFileSync(lockPathFor(path), `${process.ppid}\n`);
    expect(() => lockOutput(path)).toThrow(/another submit \(pid \d+\) is writing/);
  });

  it('takes over the lock of a process that is gone', () => {
    const path = out();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockPathFor(path), `${gone.stdout}\n`);
    lockOutput(path)();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});
