import { describe, expect, it } from 'vitest';
import { normalizeAnswer, stripVariablePrefix } from './normalize-answer.js';

const r = String.raw;

describe('normalizeAnswer', () => {
  it.each([
    [r`\left( 1, 2 \right)`, '( 1, 2 )'],
    [r`\$1,000.`, '1000'],
    [r`5\text{ cm}^2`, '5'],
    [r`30^{\circ}`, '30'],
    [r`\dfrac{1}{2}`, r`\frac{1}{2}`],
    [r`3\frac{1}{2}`, r`(3+\frac{1}{2})`],
    [r`x = 5`, '5'],
    ['.5', '0.5'],
    [r`\textbf{(B)}`, '(B)'],
    [r`1 \text{ and } 2`, '1 , 2'],
    ['2 million', r`2\times10^{6}`],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeAnswer(raw)).toBe(expected);
  });

  it('keeps a relation that is not a single-variable prefix', () => {
    expect(stripVariablePrefix('x + y = 3')).toBe('x + y = 3');
    expect(stripVariablePrefix('x = 1, y = 2')).toBe('x = 1, y = 2');
  });
});
