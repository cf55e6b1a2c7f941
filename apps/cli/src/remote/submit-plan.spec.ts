import { describe, expect, it } from 'vitest';
import { parseInputLines } from './input-lines.js';
import { batchKey, planNewBatches, withoutLines } from './submit-plan.js';

const lines = parseInputLines(Array.from({ length: 5 }, (_v, i) => `{"problem":"p${i}"}`).join('\n')).lines;

describe('planNewBatches', () => {
  it('splits the lines by the batch size, with keys derived from the run and the lines', () => {
    const batches = planNewBatches('run-1', lines, [], new Set(), 2);
    expect(batches.map((batch) => batch.lines.map((line) => line.n))).toEqual([[1, 2], [3, 4], [5]]);
    expect(planNewBatches('run-1', lines, [], new Set(), 2)).toEqual(batches);
    expect(planNewBatches('run-2', lines, [], new Set(), 2)[0]!.key).not.toBe(batches[0]!.key);
    expect(batches[0]!.key).toMatch(/^tl-submit-[0-9a-f]{48}$/);
  });

  it('plans only lines that no earlier batch holds and the API did not reject', () => {
    const first = planNewBatches('run-1', lines.slice(0, 3), [], new Set(), 10);
    const rejected = new Set([lines[3]!.digest]);
    const next = planNewBatches('run-1', lines, first, rejected, 10);
    expect(next.map((batch) => batch.lines.map((line) => line.n))).toEqual([[5]]);
  });

  it('re-keys a batch that loses lines', () => {
    const [batch] = planNewBatches('run-1', lines, [], new Set(), 10);
    const smaller = withoutLines('run-1', batch!, new Set([2, 4]));
    expect(smaller.lines.map((line) => line.n)).toEqual([1, 3, 5]);
    expect(smaller.key).toBe(batchKey('run-1', smaller.lines));
    expect(smaller.key).not.toBe(batch!.key);
  });
});
