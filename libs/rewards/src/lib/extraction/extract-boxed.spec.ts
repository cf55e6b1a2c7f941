import { describe, expect, it } from 'vitest';
import { extractBoxedAnswer } from './extract-boxed.js';

const r = String.raw;

describe('extractBoxedAnswer', () => {
  it('takes the last \\boxed with nested braces', () => {
    expect(extractBoxedAnswer(r`first \boxed{1} then \boxed{\frac{1}{2}} done`)).toBe(r`\frac{1}{2}`);
    expect(extractBoxedAnswer(r`\boxed{\left\{1,2\right\}}`)).toBe(r`\left\{1,2\right\}`);
  });

  it('falls back to \\fbox and reads the brace-less form', () => {
    expect(extractBoxedAnswer(r`so \fbox{7}.`)).toBe('7');
    expect(extractBoxedAnswer(r`$\boxed 5$`)).toBe('5');
  });

  it('returns undefined without a box or for an unterminated last box', () => {
    expect(extractBoxedAnswer('the answer is 5')).toBeUndefined();
    expect(extractBoxedAnswer(r`\boxed{3} and later \boxed{4`)).toBeUndefined();
  });

  it('grades only after </think> when asked', () => {
    const response = r`<think>maybe \boxed{1}</think> final \boxed{2}`;
    expect(extractBoxedAnswer(response, { afterThinkOnly: true })).toBe('2');
    expect(extractBoxedAnswer(r`<think>\boxed{1}</think> no box`, { afterThinkOnly: true })).toBeUndefined();
    expect(extractBoxedAnswer(r`\boxed{1} never closed`, { afterThinkOnly: true })).toBeUndefined();
    expect(extractBoxedAnswer(r`a</end>\boxed{3}`, { afterThinkOnly: true, thinkEndTag: '</end>' })).toBe('3');
  });
});
