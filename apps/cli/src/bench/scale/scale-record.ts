import { readFileSync, writeFileSync } from 'node:fs';

/** The generated part of docs/benchmarks.md's scale section sits between these lines. */
export const SCALE_START = '<!-- scale-figures:start (written by `threadloom bench scale --record`) -->';
export const SCALE_END = '<!-- scale-figures:end -->';

/** `text` with the lines between the markers replaced by `body` (a `## scale` section is appended when missing). */
export function replaceScaleFigures(text: string, body: readonly string[]): string {
  const block = [SCALE_START, ...body, SCALE_END].join('\n');
  const start = text.indexOf(SCALE_START);
  const end = text.indexOf(SCALE_END);
  if (start < 0 || end < start) return `${text.trimEnd()}\n\n## scale\n\n${block}\n`;
  return `${text.slice(0, start)}${block}${text.slice(end + SCALE_END.length)}`;
}

/** Writes `body` into `path`'s scale figures. */
export function recordScaleFigures(path: string, body: readonly string[]): void {
  writeFileSync(path, replaceScaleFigures(readFileSync(path, 'utf8'), body));
}
