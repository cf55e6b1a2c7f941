import { describe, expect, it } from 'vitest';
import { rewriteRatios } from './ratio-answer.js';

const r = String.raw;

describe('ratios', () => {
  it('reads two terms as a fraction and more as a tuple scaled by the first term', () => {
    expect(rewriteRatios('3:2', r`\frac32`)).toEqual([r`\frac{3}{2}`, r`\frac32`]);
    expect(rewriteRatios('2:4:6', '1 : 2 : 3')).toEqual([
      r`(1, \frac{4}{2}, \frac{6}{2})`,
      r`(1, \frac{2}{1}, \frac{3}{1})`,
    ]);
  });

  it('leaves clock times, set-builder colons and relations as they are', () => {
    expect(rewriteRatios('10:15', '20:30')).toEqual(['10:15', '20:30']);
    expect(rewriteRatios(r`\{x : x > 0\}`, 'x:y')).toEqual([r`\{x : x > 0\}`, r`\frac{x}{y}`]);
    expect(rewriteRatios('a=1:2', '5')).toEqual(['a=1:2', '5']);
  });
});
