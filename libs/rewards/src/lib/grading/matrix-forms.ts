// Matrices in any environment: `\left[\begin{array}{cc}…\end{array}\right]` loses `\left`/`\right` in
// normalisation and leaves brackets around the array, which are dropped here. A scalar written before the
// environment (`2\begin{pmatrix}…`, `-\begin{bmatrix}…`) multiplies every entry; a scalar multiple of a
// matrix is a different matrix unless the entries agree (docs/grading.md).

const BRACKETED_ARRAY = /^[([]\s*(\\begin\{array\}.*\\end\{array\})\s*[)\]]$/s;
const SCALED = /^(.*?)\s*(?:\\cdot\s*)?(\\begin\{([pbB]?matrix|array)\}.*\\end\{\3\})$/s;

/** The matrix environment of the text and the scalar written before it (`1` when none). */
export function matrixWithFactor(text: string): { readonly matrix: string; readonly factor: string } | undefined {
  const unwrapped = BRACKETED_ARRAY.exec(text)?.[1] ?? text;
  const scaled = SCALED.exec(unwrapped);
  if (scaled === null) return undefined;
  const prefix = (scaled[1] ?? '').trim();
  if (prefix.includes('\\begin') || prefix.includes('\\end') || /[=,]/.test(prefix)) return undefined;
  const factor = prefix === '' || prefix === '+' ? '1' : prefix === '-' ? '-1' : prefix;
  return { matrix: scaled[2] ?? '', factor };
}

/** One entry multiplied by the factor, as LaTeX. */
export function scaledEntry(entry: string, factor: string): string {
  return factor === '1' ? entry : `(${factor})(${entry})`;
}
