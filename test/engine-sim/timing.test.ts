import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { renderUserPrompt } from '@threadloom/threading';
import { metricValue, metricValues, postJson, startSim, type SimProcess } from './sim-client.js';

const TIME_SCALE = '0.05';
/** Wall milliseconds per model second at a time scale. */
const wallMsPerModelSecond = (scale: string): number => Number(scale) * 1000;
/** Slack for the scheduler running a step due within 0.5 ms early, plus float rounding. */
const EARLY_MS = 1;
let sims: SimProcess[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  sims = [];
});
async function sim(args: string[]): Promise<SimProcess> {
  const started = await startSim(['--time-scale', TIME_SCALE, ...args]);
  sims.push(started);
  return started;
}
const request = (problem: string, maxTokens: number): object => ({
  prompt: renderUserPrompt(problem),
  max_tokens: maxTokens,
});

/** Mean of a histogram from /metrics (sum / count). */
async function histogramMean(url: string, name: string): Promise<number> {
  return (await metricValue(url, `${name}_sum`)) / (await metricValue(url, `${name}_count`));
}

/** Milliseconds until the first streamed chunk arrives (the stream is then read to its end). */
async function timeToFirstChunk(url: string, body: object): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  const reader = res.body!.getReader();
  await reader.read();
  const elapsed = performance.now() - started;
  while (!(await reader.read()).done) {
    // Read to the end: an aborted request records no latency metrics.
  }
  return elapsed;
}

describe('engine-sim timing model', () => {
  it('makes a decode step of a batch of 8 slower than a step of a batch of 1', async () => {
    const solo = await sim([]);
    const batched = await sim([]);
    const t0 = performance.now();
    await postJson(`${solo.url}/v1/completions`, request('solo problem', 150));
    const soloWall = performance.now() - t0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        postJson(`${batched.url}/v1/completions`, request(`batched problem ${i}`, 150)),
      ),
    );
    const batchWall = performance.now() - t1;
    const soloItl = await histogramMean(solo.url, 'vllm:inter_token_latency_seconds');
    const batchItl = await histogramMean(batched.url, 'vllm:inter_token_latency_seconds');
    // Model time: 20.5 + 1.5 × batch ms per step (batch 1: 22 ms; batch 8: 32.5 ms, less while the
    // arrivals trickle in, a little more when their prefills join a step).
    expect(soloItl).toBeCloseTo(0.022, 4);
    expect(batchItl).toBeGreaterThan(0.028);
    expect(batchItl).toBeLessThan(0.045);
    // Compared in model time (the metrics), which load cannot skew; the wall clock only has to keep up
    // with it, and a loaded machine can only make wall time longer.
    const soloE2e = await histogramMean(solo.url, 'vllm:e2e_request_latency_seconds');
    const batchE2e = await histogramMean(batched.url, 'vllm:e2e_request_latency_seconds');
    expect(batchE2e).toBeGreaterThan(soloE2e * 1.2);
    expect(soloWall).toBeGreaterThanOrEqual(soloE2e * wallMsPerModelSecond(TIME_SCALE) - EARLY_MS);
    expect(batchWall).toBeGreaterThanOrEqual(batchE2e * wallMsPerModelSecond(TIME_SCALE) - EARLY_MS);
  });

  it('cuts time to first token when the prompt prefix is cached', async () => {
    const scale = '0.2';
    const s = await startSim(['--time-scale', scale]);
    sims.push(s);
    const longProblem = `Consider the following long statement. ${'The quick brown fox jumps over the lazy dog. '.repeat(400)}`;
    const cold = await timeToFirstChunk(s.url, request(longProblem, 5));
    const coldTtft = await histogramMean(s.url, 'vllm:time_to_first_token_seconds');
    const warm = await timeToFirstChunk(s.url, request(longProblem, 5));
    const warmTtft = 2 * (await histogramMean(s.url, 'vllm:time_to_first_token_seconds')) - coldTtft;
    // The speed-up is asserted in model time; the wall clock must honour the cold prefill (a wall-time ratio
    // of two sub-100 ms waits flakes on a loaded machine).
    expect(warmTtft).toBeLessThan(coldTtft * 0.2);
    expect(cold).toBeGreaterThanOrEqual(coldTtft * wallMsPerModelSecond(scale) - EARLY_MS);
    expect(warm).toBeGreaterThanOrEqual(warmTtft * wallMsPerModelSecond(scale) - EARLY_MS);
    const usage = (await postJson(`${s.url}/v1/completions`, request(longProblem, 2))).body.usage;
    expect(usage.prompt_tokens_details.cached_tokens).toBeGreaterThan(usage.prompt_tokens * 0.9);
    // Hits count cached tokens: the warm request and this one each found the same cached prefix, the cold one none.
    const cached = usage.prompt_tokens_details.cached_tokens;
    expect(await metricValue(s.url, 'vllm:prefix_cache_hits_total')).toBe(2 * cached);
  });

  it('reports waiting requests in /metrics when over max running', async () => {
    const s = await sim(['--max-running', '2']);
    const pending = Array.from({ length: 5 }, (_, i) =>
      postJson(`${s.url}/v1/completions`, request(`queued problem ${i}`, 400)),
    );
    let seen = { running: 0, waiting: 0 };
    for (let i = 0; i < 1_000 && seen.waiting !== 3; i++) {
      const [running, waiting] = await metricValues(s.url, ['vllm:num_requests_running', 'vllm:num_requests_waiting']);
      seen = { running: running!, waiting: waiting! };
      if (seen.waiting !== 3) await sleep(10);
    }
    expect(seen).toEqual({ running: 2, waiting: 3 });
    await Promise.all(pending);
    expect(await metricValue(s.url, 'vllm:num_requests_waiting')).toBe(0);
    expect(await histogramMean(s.url, 'vllm:request_queue_time_seconds')).toBeGreaterThan(0);
  });
});

describe('engine-sim determinism', () => {
  it('produces the same synthetic trajectory under the same seed and a different one under another', async () => {
    const [a, b, c] = await Promise.all([
      startSim(['--time-scale', '0', '--seed', '7']),
      startSim(['--time-scale', '0', '--seed', '7']),
      startSim(['--time-scale', '0', '--seed', '8']),
    ]);
    sims.push(a, b, c);
    const body = {
      prompt: renderUserPrompt('A problem the corpus does not know.'),
      max_tokens: 3000,
      skip_special_tokens: false,
    };
    const [ta, tb, tc] = await Promise.all(
      [a, b, c].map(async (s) => String((await postJson(`${s.url}/v1/completions`, body)).body.choices[0].text)),
    );
    expect(ta).toBe(tb);
    expect(ta).not.toBe(tc);
    expect(ta).toContain('<Parallel>');
  });

  it('ends an unknown problem in \\boxed{} with the configured structure', async () => {
    const s = await startSim(['--time-scale', '0']);
    sims.push(s);
    const res = await postJson(`${s.url}/v1/completions`, {
      prompt: renderUserPrompt('Another unseen problem.'),
      max_tokens: 30000,
      skip_special_tokens: false,
    });
    expect(res.body.choices[0].text).toMatch(/\\boxed\{\d+\}\$\.$/);
    expect(res.body.choices[0].finish_reason).toBe('stop');
  });
});
