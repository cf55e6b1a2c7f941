import { describe, expect, it } from 'vitest';
import { describeTextDiff, formatTextDiff } from './trajectory-diff.js';

describe('describeTextDiff', () => {
  it('finds nothing in equal texts', () => {
    expect(describeTextDiff('same text', 'same text')).toBeUndefined();
  });

  it('names the first differing offset and shows both texts from a little before it', () => {
    const shared = 'x'.repeat(100);
    const diff = describeTextDiff(`${shared}<Thread>alpha</Thread>`, `${shared}<Thread></Thread>`);
    expect(diff).toEqual({
      offset: 108,
      referenceLength: 122,
      gotLength: 117,
      reference: `${'x'.repeat(16)}<Thread>alpha</Thread>`,
      got: `${'x'.repeat(16)}<Thread></Thread>`,
    });
  });

  it('puts the offset at the end of the shorter text when one is a prefix of the other', () => {
    const diff = describeTextDiff('abc', 'abcdef');
    expect(diff?.offset).toBe(3);
    expect([diff?.reference, diff?.got]).toEqual(['abc', 'abcdef']);
  });

  it('formats one line with both lengths and quoted excerpts, marking a cut start', () => {
    const near = formatTextDiff(describeTextDiff('ab"c', 'abd')!);
    expect(near).toBe('at char 2 of 4 (got 3): reference "ab\\"c" got "abd"');
    const far = formatTextDiff(describeTextDiff(`${'y'.repeat(50)}1`, `${'y'.repeat(50)}2`)!);
    expect(far).toBe(`at char 50 of 51 (got 51): reference "…${'y'.repeat(24)}1" got "…${'y'.repeat(24)}2"`);
  });
});
