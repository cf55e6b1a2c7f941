import { describe, expect, it } from 'vitest';
import type { ResultLine } from './result-line.js';
import { formatSubmitSummary, summarizeSubmit } from './submit-summary.js';

const view = (created: string, updated: string, total: number, critical: number) => ({
  id: 'r',
  status: 'completed',
  created_at: created,
  updated_at: updated,
  result: {
    answer: '5',
    metrics: { completionTokens: total, criticalPathTokens: critical, tokenSpeedup: total / critical },
  },
});

describe('summarizeSubmit', () => {
  it('counts outcomes, grades, speedups, the API-clock wall time and failures by reason', () => {
    const results: ResultLine[] = [
      {
        id: 'a',
        custom_id: 'a',
        status: 'completed',
        response: { status_code: 200, body: view('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:02.000Z', 300, 100) },
        error: null,
        correct: true,
      },
      {
        id: 'b',
        custom_id: 'b',
        status: 'completed',
        response: { status_code: 200, body: view('2026-01-01T00:00:01.000Z', '2026-01-01T00:00:05.000Z', 100, 100) },
        error: null,
        correct: false,
      },
      { id: 'c', custom_id: 'c', status: 'failed', response: null, error: { message: 'thread_failed: b0t1' } },
    ];
    const summary = summarizeSubmit(results, [{ lineNumber: 9, reason: 'not valid JSON' }], 3);
    expect(summary).toMatchObject({ lines: 4, completed: 2, failed: 2, unfinished: 0, graded: 2, correct: 1 });
    expect(summary.accuracy).toBe(0.5);
    expect(summary.meanTokenSpeedup).toBe(2);
    expect(summary.wallClockMs).toBe(5_000);
    expect(summary.failures).toEqual({ 'failed: thread_failed': 1, 'malformed line': 1 });
    expect(formatSubmitSummary(summary)).toMatch(/\| accuracy +\| +50\.0% \(1\/2\) \|/);
  });
});
