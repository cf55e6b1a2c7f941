const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/** Nesting depth change at `i`; `\{` and `\}` count like braces, other escapes do not. */
function depthStep(text: string, i: number): { readonly delta: number; readonly width: number } {
  const ch = text[i] ?? '';
  if (ch === '\\') {
    const next = text[i + 1] ?? '';
    if (next === '{') return { delta: 1, width: 2 };
    if (next === '}') return { delta: -1, width: 2 };
    return { delta: 0, width: 2 };
  }
  if (OPENERS.has(ch)) return { delta: 1, width: 1 };
  if (CLOSERS.has(ch)) return { delta: -1, width: 1 };
  return { delta: 0, width: 1 };
}

/** Splits on `separator` where the bracket depth is zero (bracket kinds are not matched, so `[1,2)` nests). */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length;) {
    if (depth === 0 && text.startsWith(separator, i) && !isLongerCommand(text, i, separator)) {
      parts.push(text.slice(start, i).trim());
      i += separator.length;
      start = i;
      continue;
    }
    const step = depthStep(text, i);
    depth += step.delta;
    i += step.width;
  }
  parts.push(text.slice(start).trim());
  return parts;
}

// `\cup` must not match the start of `\cupdot`.
function isLongerCommand(text: string, i: number, separator: string): boolean {
  return /^\\[a-zA-Z]+$/.test(separator) && /[a-zA-Z]/.test(text[i + separator.length] ?? '');
}

/** True when the bracket opened at index 0 closes exactly at the last character. */
export function enclosesWhole(text: string, openWidth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length;) {
    const step = i === 0 ? { delta: 1, width: openWidth } : depthStep(text, i);
    depth += step.delta;
    i += step.width;
    if (depth === 0) return i >= text.length;
  }
  return false;
}

/** The deepest bracket nesting in the text (a cheap bound against pathological inputs). */
export function maxDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length;) {
    const step = depthStep(text, i);
    depth += step.delta;
    deepest = Math.max(deepest, depth);
    i += step.width;
  }
  return deepest;
}
