import { describe, expect, it } from 'vitest';
import { SimEngine } from './sim-engine.js';
import { DEFAULT_TIMING } from './timing-model.js';

// Model time only: a tiny time scale makes wall time negligible, so nothing here is a timed test.
// Every job claims the same arrival, so wall gaps between submissions do not show up as model time.
const engine = (maxRunning = 8): SimEngine =>
  new SimEngine({
    model: 'm',
    timing: DEFAULT_TIMING,
    timeScale: 1e-6,
    maxRunning,
    blockSize: 4,
    cacheCapacityBlocks: 1000,
  });
const arrivedAt = performance.now();
const job = (prompt: number[], outputs: number) => ({
  promptIds: prompt,
  outputIds: new Array<number>(outputs).fill(7),
  finishReason: 'length' as const,
  arrivedAt,
});

describe('SimEngine model time', () => {
  it('takes prefill + 22 ms per token for a request alone', async () => {
    const e = engine();
    const result = await e.generate(job(new Array<number>(1000).fill(1), 10));
    expect(result.modelMs).toBeCloseTo(100 + 10 * 22, 6);
    e.close();
  });

  it('slows every step of a batch (20.5 + 1.5 × batch ms)', async () => {
    const e = engine();
    const results = await Promise.all([1, 2, 3, 4].map((i) => e.generate(job([i], 10))));
    expect(Math.max(...results.map((r) => r.modelMs))).toBeGreaterThan(10 * 26);
    e.close();
  });

  it('makes sequences over maxRunning wait, and reuses a cached prefix', async () => {
    const e = engine(1);
    const prompt = Array.from({ length: 40 }, (_, i) => i);
    const [first, second] = await Promise.all([e.generate(job(prompt, 5)), e.generate(job(prompt, 5))]);
    expect(second.modelMs).toBeGreaterThan(first.modelMs + 5 * 22 - 1);
    expect(second.cachedTokens).toBe(36);
    expect(await e.metrics.registry.getSingleMetricAsString('vllm:request_queue_time_seconds')).toMatch(
      /_count\{model_name="m"\} 2/,
    );
    e.close();
  });

  it('answers at once at time scale 0 with solo model latencies in the metrics', async () => {
    const e = new SimEngine({
      model: 'm',
      timing: DEFAULT_TIMING,
      timeScale: 0,
      maxRunning: 1,
      blockSize: 4,
      cacheCapacityBlocks: 10,
    });
    const tokens: number[] = [];
    const result = await e.generate({ ...job([1, 2, 3], 3), onToken: (i) => tokens.push(i) });
    expect(tokens).toEqual([0, 1, 2]);
    expect(result.modelMs).toBeCloseTo(0.3 + 3 * 22, 6);
  });
});

describe('SimEngine load gauges', () => {
  it('reports no running or waiting request once the last one has finished, as vLLM does', async () => {
    const e = engine(1);
    await Promise.all([e.generate(job([1], 5)), e.generate(job([2], 5))]);
    const text = await e.metrics.registry.metrics();
    expect(text).toMatch(/^vllm:num_requests_running\{[^}]*\} 0$/m);
    expect(text).toMatch(/^vllm:num_requests_waiting\{[^}]*\} 0$/m);
    e.close();
  });

  it('admits waiting sequences by priority under the priority policy, in arrival order under fcfs', async () => {
    const order = async (policy: 'fcfs' | 'priority'): Promise<number[]> => {
      const e = new SimEngine({
        model: 'm',
        timing: DEFAULT_TIMING,
        timeScale: 1e-6,
        maxRunning: 1,
        blockSize: 4,
        cacheCapacityBlocks: 1000,
        schedulingPolicy: policy,
      });
      const finished: number[] = [];
      // All arrive before the first step; one runs at a time: priorities 0, 0, 0, -1 (lower = earlier, as vLLM).
      const runs = [0, 0, 0, -1].map((priority, i) =>
        e.generate({ ...job([100 + i], 3), priority }).then(() => finished.push(i)),
      );
      await Promise.all(runs);
      e.close();
      return finished;
    };
    expect(await order('priority')).toEqual([3, 0, 1, 2]);
    expect(await order('fcfs')).toEqual([0, 1, 2, 3]);
  });
});
