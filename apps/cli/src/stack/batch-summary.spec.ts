import { describe, expect, it } from 'vitest';
import { formatBatchSummary, summarizeBatch } from './batch-summary.js';

describe('summarizeBatch', () => {
  it('counts completions, grades accuracy over completed requests and averages the token speedup', () => {
    const summary = summarizeBatch(
      [
        { id: 'a', status: 'completed', correct: true, tokenSpeedup: 1.5 },
        { id: 'b', status: 'completed', correct: false, tokenSpeedup: 1.0 },
        { id: 'c', status: 'failed', correct: undefined, tokenSpeedup: undefined },
      ],
      2_000,
    );
    expect(summary).toEqual({
      submitted: 3,
      completed: 2,
      failed: 1,
      accuracy: 0.5,
      meanTokenSpeedup: 1.25,
      wallClockMs: 2_000,
    });
    expect(formatBatchSummary(summary)).toMatch(/\| accuracy +\| +50\.0% \|/);
  });

  it('reports n/a when nothing completed', () => {
    const summary = summarizeBatch([], 10);
    expect(summary.accuracy).toBeNull();
    expect(formatBatchSummary(summary)).toMatch(/\| mean token speedup +\| +n\/a \|/);
  });
});
