import { describe, expect, it } from 'vitest';
import { hasTrigFunction, rewriteDegreeMarks } from './special-angles.js';

const r = String.raw;

describe('special angles', () => {
  it('keeps degree marks only as angles of a trigonometric function', () => {
    expect(hasTrigFunction(r`\cos 36^\circ`)).toBe(true);
    expect(hasTrigFunction(r`\cosh 2`)).toBe(false);
    expect(hasTrigFunction(r`30^\circ`)).toBe(false);
    expect(rewriteDegreeMarks(r`\tan 15^{\circ}`, true)).toBe(r`\tan 15\degree `);
    expect(rewriteDegreeMarks('\\sin 30\u00b0', true)).toBe(r`\sin 30\degree `);
    expect(rewriteDegreeMarks(r`30^\circ`, false)).toBe('30');
  });
});
