import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapLimited } from './map-limited.js';

describe('mapLimited', () => {
  it('keeps order and never exceeds the limit', async () => {
    let running = 0,
      peak = 0;
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (value) => {
      peak = Math.max(peak, ++running);
      await sleep(value);
      running -= 1;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('starts nothing after a failure and rejects once the calls in flight settle', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const run = mapLimited([0, 1, 2, 3, 4], 2, async (value) => {
      started.push(value);
      await sleep(value === 0 ? 1 : 10);
      settled.push(value);
      if (value === 0) throw new Error('boom');
      return value;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(settled).toEqual([0, 1]);
  });
});
