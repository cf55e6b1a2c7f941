import { existsSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandLine, descendants, isAlive, runCli, spawnCli, waitForOutput } from './cli-process.js';

describe('threadloom up', () => {
  it('starts redis, simulated machines and workers, and stops all of them on SIGTERM', async () => {
    const cli = spawnCli(['up', '--machines', '2', '--time-scale', '0', '--port', '0', '--api-key', 'up-test-key']);
    const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
    const banner = await waitForOutput(cli, /stack ready/);
    expect(banner).toMatch(/machine-1 .*engine http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).toMatch(/machine-2 .*engine http:\/\/127\.0\.0\.1:\d+/);
    const apiUrl = /^api +(http:\/\/\S+)$/m.exec(banner)![1]!;
    const models = await fetch(`${apiUrl}/v1/models`, { headers: { authorization: 'Bearer up-test-key' } });
    expect(models.status).toBe(200);
    expect((await fetch(`${apiUrl}/v1/models`)).status).toBe(401);

    const children = descendants(cli.pid!);
    const commands = children.map((pid) => (commandLine(pid) ?? []).join(' '));
    expect(commands.filter((command) => command.includes('engine-sim/dist/main.js'))).toHaveLength(2);
    expect(commands.filter((command) => command.includes('worker/dist/main.js'))).toHaveLength(3);
    expect(commands.filter((command) => command.includes('api/dist/main.js'))).toHaveLength(1);
    // redis-server rewrites its command line but runs inside its data directory.
    const redisPid = children[commands.findIndex((command) => command.includes('redis-server'))]!;
    const dataDir = readlinkSync(`/proc/${redisPid}/cwd`);
    expect(dataDir).toContain('threadloom-redis-');
    expect(existsSync(dataDir)).toBe(true);

    cli.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Children may still be on their way out when the CLI exits: poll with a generous bound, not a fixed sleep.
    await expect.poll(() => children.filter(isAlive), { timeout: 10_000 }).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('says how to install redis-server when it is missing, and starts nothing', async () => {
    const result = await runCli(['up', '--machines', '1'], 30_000, { PATH: '/nonexistent' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/redis-server.*not found.*apt-get install -y redis-server/s);
    expect(result.stdout).not.toContain('stack ready');
  });
});
