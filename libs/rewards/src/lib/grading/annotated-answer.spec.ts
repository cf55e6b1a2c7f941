import { describe, expect, it } from 'vitest';
import { exactPartOfAnnotation } from './annotated-answer.js';

const r = String.raw;

describe('annotated answers', () => {
  it('keeps the exact part of `exact ≈ decimal`', () => {
    expect(exactPartOfAnnotation(r`\sqrt{2} \approx 1.414`)).toBe(r`\sqrt{2}`);
    expect(exactPartOfAnnotation('\\pi \u2248 3.14')).toBe(r`\pi`);
  });

  it('leaves an approximation alone, a relation before it, or more than one sign', () => {
    expect(exactPartOfAnnotation(r`\approx 1.414`)).toBe(r`\approx 1.414`);
    expect(exactPartOfAnnotation(r`x = \sqrt2 \approx 1.414`)).toBe(r`x = \sqrt2 \approx 1.414`);
    expect(exactPartOfAnnotation(r`a \approx b \approx c`)).toBe(r`a \approx b \approx c`);
  });
});
