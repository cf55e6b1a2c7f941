import { describe, expect, it } from 'vitest';
import { unifyWordVariants } from './word-variants.js';

const r = String.raw;

describe('word and symbol variants', () => {
  it.each([
    [r`\varepsilon^2`, r`\epsilon^2`],
    [r`2\varphi+1`, r`2\phi+1`],
    [r`\vartheta`, r`\theta`],
    ['Infinity', r`\infty`],
    [r`+\infty`, r`\infty`],
    ['negative infinity', r`-\infty`],
    ['does not exist', 'DNE'],
    ["Doesn't exist", 'DNE'],
    ['dne', 'DNE'],
  ])('%s → %s', (text, expected) => {
    expect(unifyWordVariants(text)).toBe(expected);
  });

  it('leaves other words and longer commands alone', () => {
    expect(unifyWordVariants('infinitely many')).toBe('infinitely many');
    expect(unifyWordVariants(r`\varphiX`)).toBe(r`\varphiX`);
    expect(unifyWordVariants('undefined')).toBe('undefined');
  });
});
