import { describe, expect, it } from 'vitest';
import { describeRun, jobAttributes, runEventData } from './job-run.js';

describe('describeRun', () => {
  it('is the first run while nothing failed or stalled', () => {
    expect(describeRun(0, 0, undefined)).toEqual({ attempt: 1, cause: 'first', failures: 0, stalls: 0 });
  });

  it('names a stall or a failure as the cause of a second run', () => {
    expect(describeRun(0, 1, undefined)).toMatchObject({ attempt: 2, cause: 'stalled' });
    expect(describeRun(1, 0, undefined)).toMatchObject({ attempt: 2, cause: 'failed' });
  });

  it('tells which counter moved since the previous re-run when both have', () => {
    expect(describeRun(1, 1, { failures: 1, stalls: 0 })).toMatchObject({ attempt: 3, cause: 'stalled' });
    expect(describeRun(1, 1, { failures: 0, stalls: 1 })).toMatchObject({ attempt: 3, cause: 'failed' });
    expect(describeRun(2, 3, { failures: 2, stalls: 2 })).toMatchObject({ attempt: 6, cause: 'stalled' });
  });

  it('puts the run on spans and events', () => {
    const run = describeRun(0, 1, undefined);
    expect(jobAttributes({ job: { id: 'j1' }, requestId: 'r1', machine: 'm0', run, queueWaitMs: 12 })).toEqual({
      'messaging.message.id': 'j1',
      'threadloom.request_id': 'r1',
      'threadloom.machine': 'm0',
      'threadloom.attempt': 2,
      'threadloom.run_cause': 'stalled',
      'threadloom.failures_before': 0,
      'threadloom.stalls_before': 1,
      'threadloom.queue_wait_ms': 12,
    });
    expect(runEventData(run)).toEqual({ attempt: 2, cause: 'stalled', failures: 0, stalls: 1 });
  });
});
