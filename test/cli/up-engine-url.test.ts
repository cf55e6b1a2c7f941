import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, spawnCli, waitForOutput } from './cli-process.js';
import { FIGURE6 } from '../support/figure6.js';

const KEY = 'engine-url-test-key';

describe('threadloom up --engine-url', () => {
  // A simulator standing in for a real vLLM: its own model name, which the stack must discover.
  const engine = spawn(
    process.execPath,
    [resolve(ROOT, 'apps/engine-sim/dist/main.js'), '--port', '0', '--time-scale', '0', '--model', 'vllm-served-model'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let engineUrl = '';

  beforeAll(async () => {
    engineUrl = (await waitForOutput(engine, /^http:\/\/\S+\n/m)).trim();
  });

  afterAll(async () => {
    const gone = new Promise((done) => engine.once('exit', done));
    engine.kill('SIGTERM');
    await gone;
  });

  it('points every machine at the given engine, asks it for its model, and answers through the API', async () => {
    const cli = spawnCli([
      'up',
      '--machines',
      '2',
      '--engine-url',
      engineUrl,
      '--redis-url',
      inject('redisUrl'),
      '--port',
      '0',
      '--api-key',
      KEY,
    ]);
    const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
    try {
      const banner = await waitForOutput(cli, /stack ready/);
      expect(banner.match(new RegExp(`engine ${engineUrl}$`, 'gm'))).toHaveLength(2);
      const apiUrl = /^api +(http:\/\/\S+)$/m.exec(banner)![1]!;
      const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
      const submitted = await fetch(`${apiUrl}/v1/reasoning`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ prompt: FIGURE6.prompt }),
      });
      expect(submitted.status).toBe(202);
      const { id } = (await submitted.json()) as { id: string };
      let view: { status: string; result?: { text: string } } = { status: 'queued' };
      // A deadline, not a count of polls: each poll is slower on a loaded machine.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && (view.status === 'queued' || view.status === 'running')) {
        await sleep(50);
        view = (await (await fetch(`${apiUrl}/v1/reasoning/${id}`, { headers })).json()) as typeof view;
      }
      expect(view.status).toBe('completed');
      expect(view.result?.text).toBe(FIGURE6.assistant);
    } finally {
      cli.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
