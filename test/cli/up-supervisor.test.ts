// `threadloom up` as a supervisor: a SIGKILLed worker comes back, a SIGKILLed Redis comes back with its data.
import { existsSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandLine, descendants, isAlive, spawnCli, waitForOutput } from './cli-process.js';

const KEY = 'up-supervisor-key';
const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

function childByCommand(root: number, part: string, machine?: string): number | undefined {
  return descendants(root).find((pid) => {
    if (!(commandLine(pid) ?? []).join(' ').includes(part)) return false;
    if (machine === undefined) return true;
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`MACHINE_ID=${machine}`);
    } catch {
      return false;
    }
  });
}

async function requestStatus(apiUrl: string, id: string): Promise<string | undefined> {
  const response = await fetch(`${apiUrl}/v1/reasoning/${id}`, { headers }).catch(() => undefined);
  if (response?.status !== 200) return undefined;
  return ((await response.json()) as { status: string }).status;
}

describe('threadloom up supervises its children', () => {
  it('restarts a SIGKILLed worker and a SIGKILLed Redis, whose data survives and is kept on exit', async () => {
    const cli = spawnCli(['up', '--machines', '1', '--time-scale', '0', '--port', '0', '--api-key', KEY]);
    let stderr = '';
    cli.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
    try {
      const banner = await waitForOutput(cli, /stack ready/);
      const apiUrl = /^api +(http:\/\/\S+)$/m.exec(banner)![1]!;

      const worker = childByCommand(cli.pid!, 'worker/dist/main.js', 'machine-1')!;
      process.kill(worker, 'SIGKILL');
      await expect
        .poll(() => stderr, { timeout: 30_000 })
        .toMatch(/worker machine-1 running again \(pid \d+, restart 1\)/);
      const revived = childByCommand(cli.pid!, 'worker/dist/main.js', 'machine-1');
      expect(revived).not.toBe(worker);
      expect(stderr).toMatch(/worker machine-1 crashed \(signal SIGKILL\)/);

      // The revived worker runs a request end to end; Redis holds it when killed.
      const body = JSON.stringify({ prompt: 'What is 2 + 3?', max_tokens: 512 });
      const submitted = await fetch(`${apiUrl}/v1/reasoning`, { method: 'POST', headers, body });
      expect(submitted.status).toBe(202);
      const { id } = (await submitted.json()) as { id: string };
      await expect.poll(() => requestStatus(apiUrl, id), { timeout: 60_000 }).toBe('completed');

      const redis = childByCommand(cli.pid!, 'redis-server')!;
      const dataDir = readlinkSync(`/proc/${redis}/cwd`);
      process.kill(redis, 'SIGKILL');
      await expect.poll(() => stderr, { timeout: 30_000 }).toMatch(/redis-server running again/);
      expect(stderr).toContain('redis-server crashed (signal SIGKILL)');
      await expect.poll(() => requestStatus(apiUrl, id), { timeout: 30_000 }).toBe('completed');

      cli.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain(`its data (AOF) is kept in ${dataDir}`);
      expect(existsSync(dataDir)).toBe(true);
      rmSync(dataDir, { recursive: true, force: true });
    } finally {
      if (isAlive(cli.pid!)) cli.kill('SIGTERM');
      await exited;
    }
  });
});
