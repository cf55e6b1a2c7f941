import { matrixWithFactor, scaledEntry } from './matrix-forms.js';
import { enclosesWhole, splitTopLevel } from './split-top-level.js';

/** The top-level structure of a normalised answer, decided before any math is parsed. */
export type AnswerShape =
  | { readonly kind: 'scalar'; readonly latex: string }
  | { readonly kind: 'sequence'; readonly open: string; readonly close: string; readonly items: readonly string[] }
  | { readonly kind: 'set'; readonly items: readonly string[] }
  | { readonly kind: 'union'; readonly parts: readonly string[] }
  | { readonly kind: 'matrix'; readonly rows: readonly (readonly string[])[] };

const MATRIX = /^\\begin\{([pbBvV]?matrix|array)\}(?:\{[^{}]*\})?(.*)\\end\{\1\}$/s;

/**
 * Classifies an answer: matrix, union of intervals, set, tuple/interval (ordered, delimited) or scalar.
 * `extended` also reads bracketed arrays and scalar multiples of matrices (`matrix-forms.ts`).
 */
export function answerShape(text: string, extended = false): AnswerShape {
  const form = extended ? matrixWithFactor(text) : undefined;
  const matrix = MATRIX.exec(form?.matrix ?? text);
  if (matrix !== null) return { kind: 'matrix', rows: matrixRows(matrix[2] ?? '', form?.factor ?? '1') };
  const parts = splitTopLevel(text, '\\cup');
  if (parts.length > 1) return { kind: 'union', parts };
  if (text.startsWith('\\{') && text.endsWith('\\}') && enclosesWhole(text, 2)) {
    const inner = text.slice(2, -2).trim();
    return { kind: 'set', items: inner === '' ? [] : splitTopLevel(inner, ',') };
  }
  const delimited = delimitedSequence(text);
  if (delimited !== undefined) return delimited;
  const items = splitTopLevel(text, ',');
  if (items.length > 1) return { kind: 'set', items };
  const plusMinus = expandPlusMinus(text);
  if (plusMinus !== undefined) return { kind: 'set', items: plusMinus };
  return { kind: 'scalar', latex: text };
}

function delimitedSequence(text: string): AnswerShape | undefined {
  const angle = /^\\langle(.*)\\rangle$/s.exec(text);
  if (angle !== null) return { kind: 'sequence', open: '(', close: ')', items: splitTopLevel(angle[1] ?? '', ',') };
  const open = text[0] ?? '';
  const close = text[text.length - 1] ?? '';
  if (!'(['.includes(open) || !')]'.includes(close) || text.length < 2 || !enclosesWhole(text, 1)) return undefined;
  const items = splitTopLevel(text.slice(1, -1), ',');
  return items.length > 1 ? { kind: 'sequence', open, close, items } : undefined;
}

// `a \pm b` names two values, {a + b, a − b}; only one sign is expanded (two would be ambiguous).
function expandPlusMinus(text: string): string[] | undefined {
  const signs = text.match(/\\(?:pm|mp)(?![a-zA-Z])/g) ?? [];
  if (signs.length !== 1) return undefined;
  const upper = signs[0] === '\\pm' ? '+' : '-';
  const lower = upper === '+' ? '-' : '+';
  const at = text.search(/\\(?:pm|mp)(?![a-zA-Z])/);
  const join = (sign: string): string => `${text.slice(0, at)}${sign}${text.slice(at + 3)}`.trim();
  return [join(upper), join(lower)];
}

function matrixRows(body: string, factor: string): string[][] {
  return splitTopLevel(body, '\\\\')
    .filter((row) => row !== '')
    .map((row) => splitTopLevel(row, '&').map((entry) => scaledEntry(entry, factor)));
}
