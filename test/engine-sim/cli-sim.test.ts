import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnNodeProcess } from '@threadloom/devstack';

const CLI = resolve(import.meta.dirname, '../../apps/cli/dist/main.js');

describe('threadloom sim', () => {
  it('starts one simulator, prints its URL and stops cleanly on SIGTERM', async () => {
    const proc = await spawnNodeProcess(CLI, {
      args: ['sim', '--port', '0', '--time-scale', '0', '--seed', '3', '--max-running', '4'],
      ready: /^http:\/\//,
    });
    const url = proc.readyLine.trim();
    const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data[0]?.id).toBe('threadweaver-sim');
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('exits 2 on a bad --fault-rate', async () => {
    const proc = spawnNodeProcess(CLI, { args: ['sim', '--port', '0', '--fault-rate', 'often'], ready: /^http:\/\// });
    await expect(proc).rejects.toThrow(/exited with 2/);
  });
});
