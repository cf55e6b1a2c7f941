import { describe, expect, it } from 'vitest';
import { answerShape } from './answer-shape.js';
import { matrixWithFactor } from './matrix-forms.js';

const r = String.raw;

describe('matrix forms', () => {
  it('drops brackets around an array and reads the scalar before an environment', () => {
    expect(matrixWithFactor(r`[\begin{array}{cc}1&2\end{array}]`)).toEqual({
      matrix: r`\begin{array}{cc}1&2\end{array}`,
      factor: '1',
    });
    expect(matrixWithFactor(r`-\begin{pmatrix}1\end{pmatrix}`)?.factor).toBe('-1');
    expect(matrixWithFactor(r`\frac12 \cdot \begin{bmatrix}2\end{bmatrix}`)?.factor).toBe(r`\frac12`);
    expect(matrixWithFactor(r`x = \begin{pmatrix}1\end{pmatrix}`)).toBeUndefined();
  });

  it('multiplies every entry by the scalar', () => {
    expect(answerShape(r`2\begin{pmatrix}1&2\\3&4\end{pmatrix}`, true)).toEqual({
      kind: 'matrix',
      rows: [
        ['(2)(1)', '(2)(2)'],
        ['(2)(3)', '(2)(4)'],
      ],
    });
    expect(answerShape(r`2\begin{pmatrix}1\end{pmatrix}`, false).kind).toBe('scalar');
  });
});
