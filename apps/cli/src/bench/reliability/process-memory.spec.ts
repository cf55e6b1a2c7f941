import { describe, expect, it } from 'vitest';
import { parseProcStatus, readProcMemory } from './process-memory.js';

const STATUS = [
  'Name:\tnode',
  'VmPeak:\t 1183000 kB',
  'VmHWM:\t   98304 kB',
  'VmRSS:\t   81920 kB',
  'Threads:\t11',
].join('\n');

describe('parseProcStatus', () => {
  it('reads the resident set and its peak in KiB', () => {
    expect(parseProcStatus(STATUS)).toEqual({ ok: true, value: { rssKb: 81_920, peakKb: 98_304 } });
  });

  it('names the lines it did not find', () => {
    expect(parseProcStatus('Name:\tzombie\nState:\tZ (zombie)')).toEqual({
      ok: false,
      issues: ['no VmRSS line', 'no VmHWM line'],
    });
  });
});

describe('readProcMemory', () => {
  it('measures this process, whose peak is at least its current resident set', () => {
    const memory = readProcMemory(process.pid);
    expect(memory).toBeDefined();
    expect(memory!.rssKb).toBeGreaterThan(1_000);
    expect(memory!.peakKb).toBeGreaterThanOrEqual(memory!.rssKb);
  });

  it('answers undefined for a process that does not exist', () => {
    expect(readProcMemory(2 ** 22 + 1)).toBeUndefined();
  });
});
