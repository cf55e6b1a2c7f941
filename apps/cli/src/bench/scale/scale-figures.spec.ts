import type { RedisUsageDelta } from '@threadloom/devstack';
import { describe, expect, it } from 'vitest';
import { cpuSecondsFromStat } from './process-cpu.js';
import { configFigures, topCommands } from './scale-figures.js';
import type { ConfigSample } from './scale-sample.js';

const delta = (calls: Record<string, number>, usec: number, cpuSeconds: number): RedisUsageDelta => ({
  commands: Object.fromEntries(Object.entries(calls).map(([name, n]) => [name, { calls: n, usec: usec / 2 }])),
  calls: Object.values(calls).reduce((sum, n) => sum + n, 0),
  usec,
  cpuSeconds,
  memoryBytes: 0,
});

// 3 lanes over 3 masters, 100 requests in 10 s: lanes 0 and 1 on master A, lane 2 on master B, C idle.
const SAMPLE: ConfigSample = {
  label: '3 lanes',
  lanes: 3,
  requests: 100,
  requestsByLane: [30, 30, 40],
  threadsPerRequest: 4,
  windowSeconds: 10,
  masters: [
    {
      node: 'a:1',
      lanes: [0, 1],
      delta: delta({ evalsha: 20_000, xadd: 10_000 }, 150_000, 0.35),
      idleCpuPerSecond: 0.005,
    },
    { node: 'b:2', lanes: [2], delta: delta({ evalsha: 8_000, hget: 2_000 }, 50_000, 0.16), idleCpuPerSecond: 0.001 },
    { node: 'c:3', lanes: [], delta: delta({}, 0, 0.01), idleCpuPerSecond: 0.002 },
  ],
  processes: [{ role: 'join worker', cpuSeconds: 0.5 }],
  memory: { requests: 20, inFlightBytes: 400_000, retainedBytes: 500_000 },
};

describe('scale bench figures', () => {
  it('divides each master’s counters by the requests, nets CPU of the idle rate and finds the busiest master', () => {
    const figures = configFigures(SAMPLE);
    expect(figures.requestsPerSecond).toBe(10);
    expect(figures.commandsPerRequest).toBe(400);
    expect(figures.commandUsPerRequest).toBe(2_000);
    const [a, b, c] = figures.masters;
    expect(a).toMatchObject({
      node: 'a:1',
      share: 0.75,
      requestShare: 0.6,
      commandsPerRequest: 300,
      commandUsPerRequest: 1_500,
    });
    expect(a?.cpuMsPerRequest).toBeCloseTo(3, 9); // (0.35 − 0.005 × 10) s / 100
    expect(b).toMatchObject({ share: 0.25, requestShare: 0.4, commandsPerRequest: 100 });
    expect(b?.cpuMsPerRequest).toBeCloseTo(1.5, 9); // (0.16 − 0.01) s / 100
    expect(c).toMatchObject({ share: 0, requestShare: 0, cpuMsPerRequest: 0 }); // idle more than used: never negative
    expect(figures.cpuMsPerRequest).toBeCloseTo(4.5, 9);
    expect(figures.busiestShare).toBe(0.75);
    expect(figures.busiestCpuMsPerRequest).toBeCloseTo(3, 9);
    expect(figures.spreadGain).toBeCloseTo(4 / 3, 9);
    expect(figures.processes).toEqual([{ role: 'join worker', cpuMsPerRequest: 5 }]);
    expect(figures.memory).toEqual({ inFlightBytesPerRequest: 20_000, retainedBytesPerRequest: 25_000 });
  });

  it('has no spread gain and no rate when nothing ran', () => {
    const empty = configFigures({
      ...SAMPLE,
      requests: 0,
      requestsByLane: [],
      windowSeconds: 0,
      masters: [],
      processes: [],
    });
    expect(empty).toMatchObject({ requestsPerSecond: 0, commandsPerRequest: 0, busiestShare: 0, spreadGain: 0 });
    expect(empty.memory).toBeDefined();
    expect(configFigures({ ...SAMPLE, memory: undefined }).memory).toBeUndefined();
  });

  it('ranks commands over every master by calls per request, ties by name', () => {
    expect(topCommands(SAMPLE, 3)).toEqual([
      { command: 'evalsha', perRequest: 280 },
      { command: 'xadd', perRequest: 100 },
      { command: 'hget', perRequest: 20 },
    ]);
    expect(topCommands({ ...SAMPLE, masters: [] }, 3)).toEqual([]);
  });

  it('reads user + system ticks from /proc/<pid>/stat, a command name with spaces and parentheses included', () => {
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194304 123 0 0 0 250 50 0 0 20 0 11 0 5937 3133440 391';
    expect(cpuSecondsFromStat(stat, 100)).toBe(3);
    expect(cpuSecondsFromStat('4242 (node) S 1 2', 100)).toBeUndefined();
  });
});
