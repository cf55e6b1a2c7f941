import { describe, expect, it } from 'vitest';
import { ProcessNotReadyError } from './process-not-ready.error.js';
import { spawnNodeProcess } from './supervised-process.js';

// `node -e` needs the script as an argument; spawnNodeProcess passes `script` first, so use `-e` as the script.
const run = (code: string, options: { ready?: RegExp; timeoutMs?: number } = {}) =>
  spawnNodeProcess('-e', { args: [code], ...options });

describe('spawnNodeProcess', () => {
  it('keeps the whole output, not only a tail, and resolves exited with the code', async () => {
    const proc = await run(
      "for (let i = 0; i < 50; i += 1) console.log('line ' + i); console.log('ready'); setTimeout(() => process.exit(3), 50);",
      { ready: /^ready$/ },
    );
    expect(proc.readyLine).toBe('ready');
    expect(await proc.exited).toBe(3);
    expect(proc.output()).toContain('line 0\n');
    expect(proc.output()).toContain('line 49\n');
  });

  it('matches the ready line on stdout only', async () => {
    const proc = run("console.error('ready'); setTimeout(() => {}, 5000);", { ready: /^ready$/, timeoutMs: 300 });
    await expect(proc).rejects.toThrow(ProcessNotReadyError);
    await expect(proc).rejects.toThrow(/no ready line within 300 ms[\s\S]*ready/);
  });

  it('reports the exit code when the child dies before it is ready', async () => {
    await expect(run('process.exit(2)')).rejects.toThrow(/exited with 2/);
  });

  it('resolves exited with the signal after kill()', async () => {
    const proc = await run("console.log('up'); setTimeout(() => {}, 5000);");
    await proc.kill();
    expect(await proc.exited).toBe('SIGKILL');
  });
});
