import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, spawnCli, waitForOutput } from './cli-process.js';
import { FIGURE6 } from '../support/figure6.js';

const KEY = 'engine-url-test-key';
const ENGINE_KEY = 'engine-side-secret-5d21';

/** A simulator standing in for a real vLLM, started with `args` (its own model name, maybe an --api-key). */
function startEngine(args: readonly string[]): ChildProcess {
  const sim = resolve(ROOT, 'apps/engine-sim/dist/main.js');
  return spawn(process.execPath, [sim, '--port', '0', '--time-scale', '0', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

async function stopEngine(engine: ChildProcess): Promise<void> {
  const gone = new Promise((done) => engine.once('exit', done));
  engine.kill('SIGTERM');
  await gone;
}

/** Submits Figure 6 to the API of a stack and polls until the request leaves queued/running (60 s deadline). */
async function runFigure6(apiUrl: string): Promise<{ status: string; result?: { text: string } }> {
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
  return view;
}

/** `threadloom up` on `engineUrl` with `extra` arguments; resolves with its banner, stops it after `use`. */
async function withStack(
  engineUrl: string,
  extra: readonly string[],
  use: (banner: string, output: () => string) => Promise<void>,
): Promise<void> {
  const cli = spawnCli([
    'up',
    ...['--machines', '2', '--engine-url', engineUrl, '--redis-url', inject('redisUrl')],
    ...['--port', '0', '--api-key', KEY, ...extra],
  ]);
  let output = '';
  cli.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  cli.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => cli.once('exit', (code) => done(code)));
  try {
    await use(await waitForOutput(cli, /stack ready/), () => output);
  } finally {
    cli.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}

describe('threadloom up --engine-url', () => {
  const engine = startEngine(['--model', 'vllm-served-model']);
  let engineUrl = '';

  beforeAll(async () => {
    engineUrl = (await waitForOutput(engine, /^http:\/\/\S+\n/m)).trim();
  });
  afterAll(() => stopEngine(engine));

  it('points every machine at the given engine, asks it for its model, and answers through the API', async () => {
    await withStack(engineUrl, [], async (banner) => {
      expect(banner.match(new RegExp(`engine ${engineUrl}$`, 'gm'))).toHaveLength(2);
      const view = await runFigure6(/^api +(http:\/\/\S+)$/m.exec(banner)![1]!);
      expect(view.status).toBe('completed');
      expect(view.result?.text).toBe(FIGURE6.assistant);
    });
  });
});

describe('threadloom up --engine-url --engine-api-key', () => {
  // vLLM started with --api-key: /v1/models and /v1/completions answer 401 without it.
  const engine = startEngine(['--model', 'keyed-model', '--api-key', ENGINE_KEY]);
  let engineUrl = '';

  beforeAll(async () => {
    engineUrl = (await waitForOutput(engine, /^http:\/\/\S+\n/m)).trim();
  });
  afterAll(() => stopEngine(engine));

  it('discovers the model and runs every worker call with the key, never printing it', async () => {
    await withStack(engineUrl, ['--engine-api-key', ENGINE_KEY, '--logs'], async (banner, output) => {
      const view = await runFigure6(/^api +(http:\/\/\S+)$/m.exec(banner)![1]!);
      expect(view.status).toBe('completed');
      expect(view.result?.text).toBe(FIGURE6.assistant);
      expect(output()).not.toContain(ENGINE_KEY);
    });
  });
});
