import { describe, expect, it } from 'vitest';
import { cpuByRole, readProcCpuMs } from './process-cpu.js';

describe('readProcCpuMs', () => {
  it("reads this process's CPU time, and nothing for a pid that does not exist", () => {
    const used = readProcCpuMs(process.pid);
    expect(used).toEqual(expect.any(Number));
    expect(used).toBeGreaterThan(0);
    expect(readProcCpuMs(2 ** 22 + 1)).toBeUndefined();
  });
});

describe('cpuByRole', () => {
  it('sums the CPU used between readings by role, skipping children not read before', () => {
    const before = new Map([
      ['worker machine-1', 100],
      ['worker machine-2', 50],
      ['worker join', 10],
      ['engine-sim machine-1', 0],
    ]);
    const after = new Map([
      ['worker machine-1', 130],
      ['worker machine-2', 70],
      ['worker join', 15],
      ['engine-sim machine-1', 40],
      ['engine-sim machine-2', 99],
    ]);
    expect(Object.fromEntries(cpuByRole(before, after))).toEqual({ worker: 50, 'join worker': 5, 'engine-sim': 40 });
  });
});
