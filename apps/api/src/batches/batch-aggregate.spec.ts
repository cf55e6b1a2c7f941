import type { RequestStatus, RequestView } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { summarizeBatch } from './batch-aggregate.js';
import type { BatchRecord } from './batch-record.js';
import { resultMetricsFixture } from '../testing/result-metrics.fixture.js';

const view = (
  id: string,
  status: RequestStatus,
  answer: string | null,
  speedup: number,
  updatedAt: number,
): RequestView => ({
  id,
  tenant: 't',
  status,
  createdAt: 1000,
  updatedAt,
  ...(status === 'completed' && {
    result: {
      text: '',
      answer,
      metrics: resultMetricsFixture(100, 100 / speedup),
      blocks: [],
      termination: 'eos',
      engineRequests: 1,
    },
  }),
});
const record: BatchRecord = {
  id: 'b',
  tenant: 't',
  createdAt: 1000,
  items: [
    { customId: 'a', requestId: 'r1', groundTruth: '5' },
    { customId: 'b', requestId: 'r2', groundTruth: '7' },
    { customId: 'c', requestId: 'r3' },
  ],
};
const exact = (answer: string | undefined, truth: string | readonly string[]) => answer === truth;

describe('summarizeBatch', () => {
  it('counts statuses, grades completed items with ground truth and averages speedup', () => {
    const summary = summarizeBatch(
      record,
      [
        view('r1', 'completed', '5', 2, 3000),
        view('r2', 'completed', '6', 1, 4000),
        view('r3', 'completed', null, 1.5, 2000),
      ],
      exact,
      9999,
    );
    expect(summary.status).toBe('completed');
    expect(summary.counts).toMatchObject({ total: 3, completed: 3, queued: 0 });
    expect(summary.metrics).toMatchObject({
      accuracy: 0.5,
      graded: 2,
      correct: 1,
      meanTokenSpeedup: 1.5,
      completionTokens: 300,
      wallClockMs: 3000,
    });
    expect(summary.completedAt).toBe(4000);
  });

  it('is in progress while any request runs, and cancelling after a cancel', () => {
    const views = [view('r1', 'running', null, 1, 1500), view('r2', 'queued', null, 1, 1000), undefined];
    expect(summarizeBatch(record, views, exact, 5000)).toMatchObject({
      status: 'in_progress',
      counts: { running: 1, queued: 1, expired: 1 },
      metrics: { accuracy: null, wallClockMs: 4000 },
    });
    expect(summarizeBatch({ ...record, cancelledAt: 2000 }, views, exact, 5000).status).toBe('cancelling');
  });
});
