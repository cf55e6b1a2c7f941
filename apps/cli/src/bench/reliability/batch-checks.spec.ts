import type { RequestView } from '@threadloom/contracts';
import { describe, expect, it } from 'vitest';
import { describeMismatches, tallyBatch } from './batch-checks.js';

const completed = (id: string, text: string) =>
  ({ id, status: 'completed', result: { text, blocks: [] } }) as unknown as RequestView;

describe('tallyBatch', () => {
  const reference = new Map([
    ['p', 'the reference text'],
    ['q', 'another reference'],
  ]);
  const batch = [
    { id: 'a', prompt: 'p' },
    { id: 'b', prompt: 'p' },
    { id: 'c', prompt: 'q' },
  ];

  it('names each request whose text differs and where it departs', () => {
    const views = new Map([
      ['a', completed('a', 'the reference text')],
      ['b', completed('b', 'the refer')],
      ['c', completed('c', 'another REFERENCE')],
    ]);
    const tally = tallyBatch(batch, views, reference);
    expect(tally.mismatched).toBe(2);
    expect(tally.mismatches.map(({ id, diff }) => [id, diff.offset])).toEqual([
      ['b', 9],
      ['c', 8],
    ]);
    expect(describeMismatches(tally)).toBe(
      '2 differ (b, c; first: b at char 9 of 18 (got 9): reference "the reference text" got "the refer")',
    );
  });

  it('counts a prompt without a reference as differing, and nothing when all match', () => {
    const views = new Map([['a', completed('a', 'x')]]);
    expect(tallyBatch([{ id: 'a', prompt: 'unknown' }], views, reference).mismatched).toBe(1);
    expect(describeMismatches(tallyBatch([], new Map(), reference))).toBe('0 differ');
  });
});
