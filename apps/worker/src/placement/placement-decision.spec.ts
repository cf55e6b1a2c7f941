import { describe, expect, it } from 'vitest';
import { formatMachineLoad, parseFleetLoad, shouldYield, type MachineLoad } from './placement-decision.js';

const NOW = 1_000_000;
const load = (machine: string, free: number, age = 0): MachineLoad => ({ machine, free, at: NOW - age });

describe('shouldYield', () => {
  it('starts the job when the local engine has a free slot', () => {
    expect(shouldYield(1, [load('m2', 8)], 'm1', NOW, 500)).toBe(false);
  });

  it('hands the job back when the local engine is full and another machine has room', () => {
    expect(shouldYield(0, [load('m1', 0), load('m2', 3)], 'm1', NOW, 500)).toBe(true);
    expect(shouldYield(-2, [load('m2', 1)], 'm1', NOW, 500)).toBe(true);
  });

  it('runs the job here when no other machine has room, so work is never parked', () => {
    expect(shouldYield(0, [load('m1', 5), load('m2', 0), load('m3', -1)], 'm1', NOW, 500)).toBe(false);
    expect(shouldYield(0, [], 'm1', NOW, 500)).toBe(false);
  });

  it('ignores machines whose last reading is stale', () => {
    expect(shouldYield(0, [load('m2', 4, 501)], 'm1', NOW, 500)).toBe(false);
  });
});

describe('parseFleetLoad', () => {
  it('reads `<free> <at>` entries and skips malformed ones', () => {
    expect(parseFleetLoad({ m1: '3 1000', m2: '-1 2000', m3: 'x 1', m4: '2' })).toEqual([
      { machine: 'm1', free: 3, at: 1000 },
      { machine: 'm2', free: -1, at: 2000 },
    ]);
  });
});

describe('formatMachineLoad', () => {
  it('round-trips the queue and the measured rates, `-` for what is unknown', () => {
    const value = formatMachineLoad({
      free: -2,
      at: 5,
      running: 8,
      waiting: 2,
      stepMs: 22.5,
      meanGenerationTokens: 300,
    });
    expect(value).toBe('-2 5 8 2 22.5 - 300');
    expect(parseFleetLoad({ m1: value })).toEqual([
      { machine: 'm1', free: -2, at: 5, running: 8, waiting: 2, stepMs: 22.5, meanGenerationTokens: 300 },
    ]);
  });

  it('carries the advertised engine URL last, and reads entries written without one', () => {
    const value = formatMachineLoad({ free: 1, at: 7, url: 'http://10.0.0.7:8000/v1' });
    expect(value).toBe('1 7 - - - - - http://10.0.0.7:8000/v1');
    expect(parseFleetLoad({ m1: value, m2: '2 8 1 0' })).toEqual([
      { machine: 'm1', free: 1, at: 7, url: 'http://10.0.0.7:8000/v1' },
      { machine: 'm2', free: 2, at: 8, running: 1, waiting: 0 },
    ]);
  });
});
