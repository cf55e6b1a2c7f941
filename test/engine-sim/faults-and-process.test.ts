import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnNodeProcess } from '@threadloom/devstack';
import { renderUserPrompt } from '@threadloom/threading';
import { resolve } from 'node:path';
import { postJson, startSim, type SimProcess } from './sim-client.js';

const body = { prompt: renderUserPrompt('An unknown problem for fault tests.'), max_tokens: 40 };

async function faultCountOf(simUrl: string, kind: string): Promise<number> {
  const text = await (await fetch(`${simUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('sim_faults_injected_total{') && l.includes(`kind="${kind}"`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

describe('engine-sim faults', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSim(['--time-scale', '0', '--slow-ms', '300']);
  });
  afterAll(() => sim.stop());
  const url = (): string => `${sim.url}/v1/completions`;
  const faultCount = (kind: string): Promise<number> => faultCountOf(sim.url, kind);

  it('answers x-sim-fault: 500 with an InternalServerError body', async () => {
    const res = await postJson(url(), body, { 'x-sim-fault': '500' });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ object: 'error', type: 'InternalServerError', code: 500 });
  });

  it('answers x-sim-fault: 503 with Retry-After', async () => {
    const res = await postJson(url(), body, { 'x-sim-fault': '503' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('resets the connection mid-stream', async () => {
    const res = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sim-fault': 'reset' },
      body: JSON.stringify({ ...body, stream: true }),
    });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('resets a non-streaming request before any response', async () => {
    await expect(postJson(url(), body, { 'x-sim-fault': 'reset' })).rejects.toThrow();
  });

  it("answers x-sim-fault: context with vLLM's context-length 400", async () => {
    const res = await postJson(url(), body, { 'x-sim-fault': 'context' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ object: 'error', type: 'BadRequestError', code: 400, param: 'input_tokens' });
    expect((res.body as { message: string }).message).toMatch(
      /^You passed \d+ input tokens and requested 40 output tokens\. However, the model's context length is only \d+ tokens/,
    );
  });

  it('counts injected faults by kind in sim_faults_injected_total', async () => {
    const before = await faultCount('context');
    await postJson(url(), body, { 'x-sim-fault': 'context' });
    expect(await faultCount('context')).toBe(before + 1);
  });

  it('delays a slow response', async () => {
    const started = performance.now();
    const res = await postJson(url(), body, { 'x-sim-fault': 'slow' });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('injects faults at the configured rate', async () => {
    const faulty = await startSim(['--time-scale', '0', '--fault-rate', '503=1']);
    try {
      const statuses = await Promise.all(
        [1, 2, 3].map(async () => (await postJson(`${faulty.url}/v1/completions`, body)).status),
      );
      expect(statuses).toEqual([503, 503, 503]);
    } finally {
      await faulty.stop();
    }
  });
});

describe('engine-sim process', () => {
  it('prints its URL and exits 0 on SIGTERM', async () => {
    const proc = await spawnNodeProcess(resolve(import.meta.dirname, '../../apps/engine-sim/dist/main.js'), {
      args: ['--port', '0'],
      ready: /^http:\/\//,
    });
    expect((await fetch(`${proc.readyLine.trim()}/health`)).status).toBe(200);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  it('rejects bad flags with exit code 2', async () => {
    await expect(
      spawnNodeProcess(resolve(import.meta.dirname, '../../apps/engine-sim/dist/main.js'), {
        args: ['--time-scale', 'fast'],
        ready: /^http/,
      }),
    ).rejects.toThrow(/time-scale/);
  });
});
