import { describe, expect, it } from 'vitest';
import { grade } from './grade.js';
import { hasTrigFunction, rewriteDegreeMarks, spellTrailingMarks } from './special-angles.js';

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

  it('spells a trailing degree mark or percent sign as a unit, outside trigonometric functions', () => {
    expect(spellTrailingMarks(r`30^{\circ}`)).toBe(r`30\text{ degrees}`);
    expect(spellTrailingMarks(r`12.5\%`)).toBe(r`12.5\text{ percent}`);
    expect(spellTrailingMarks(r`\cos 36^\circ`)).toBe(r`\cos 36^\circ`);
    expect(spellTrailingMarks(r`30^\circ + x`)).toBe(r`30^\circ + x`);
  });

  it.each([
    [r`30^\circ`, r`30\text{ rad}`, false],
    [r`30^{\circ}`, r`30 \text{ radians}`, false],
    [r`30^\circ`, r`30\text{ cm}`, false],
    [r`30\%`, r`30\text{ cm}`, false],
    [r`30^\circ`, '30', true],
    ['30', r`30^\circ`, true],
    [r`30^\circ`, '30 degrees', true],
    [r`30\%`, '30', true],
    ['45\u00b0', r`45^{\circ}`, true],
  ])('grades %s against %s as %s: a degree or percent mark is a unit', (answer, truth, correct) => {
    expect(grade(answer, truth, { timeLimitMs: 10_000 }).correct).toBe(correct);
  });
});
