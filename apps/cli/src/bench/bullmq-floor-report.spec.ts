import { describe, expect, it } from 'vitest';
import { bullmqFloorLines } from './bullmq-floor-report.js';

describe('bullmqFloorLines', () => {
  it('adds up two plain jobs and one flow for today, five plain jobs for the redesign', () => {
    const lines = bullmqFloorLines({ perJob: 40, perFlow: 200 }, 560);
    expect(lines[1]).toBe('  one plain job 40.0 commands, one flow of a parent and 4 children 200.0');
    expect(lines[2]).toMatch(/\(2 step jobs \+ that flow\) +280\.0 commands \(50 % of the measured request\)$/);
    expect(lines[3]).toMatch(/\(5 plain jobs\) +200\.0 commands$/);
  });
});
