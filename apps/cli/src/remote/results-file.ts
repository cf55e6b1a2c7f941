import { appendFileSync, existsSync, readFileSync, truncateSync } from 'node:fs';
import type { ResultLine } from './result-line.js';

/** The output JSONL of a run: append-only, one line per request, never two for the same request. */
export class ResultsFile {
  readonly path: string;
  private readonly byRequest = new Map<string, ResultLine>();

  private constructor(path: string) {
    this.path = path;
  }

  /**
   * Opens (or creates) the file and reads what earlier runs wrote. A last line cut short by a
   * crash is removed; so are duplicate lines' later copies (not rewritten: just not counted).
   */
  static open(path: string): ResultsFile {
    const file = new ResultsFile(path);
    if (!existsSync(path)) {
      appendFileSync(path, '');
      return file;
    }
    const text = readFileSync(path, 'utf8');
    const complete = text.lastIndexOf('\n') + 1;
    if (complete < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
    for (const raw of text.slice(0, complete).split('\n')) {
      const line = parseResultLine(raw);
      if (line !== undefined && !file.byRequest.has(line.id)) file.byRequest.set(line.id, line);
    }
    return file;
  }

  has(requestId: string): boolean {
    return this.byRequest.has(requestId);
  }

  /** Appends the line unless its request already has one; returns whether it was written. */
  append(line: ResultLine): boolean {
    if (this.byRequest.has(line.id)) return false;
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
    this.byRequest.set(line.id, line);
    return true;
  }

  lines(): ResultLine[] {
    return [...this.byRequest.values()];
  }

  /**
   * One result per input line, the newest: a line edited between runs is sent again under a new
   * request, and its earlier result stays in the file but no longer counts.
   */
  latestPerLine(): ResultLine[] {
    const byLine = new Map<number | string, ResultLine>();
    for (const line of this.byRequest.values()) byLine.set(line.line ?? line.id, line);
    return [...byLine.values()];
  }
}

function parseResultLine(raw: string): ResultLine | undefined {
  if (raw.trim() === '') return undefined;
  try {
    const value = JSON.parse(raw) as Partial<ResultLine>;
    return typeof value.id === 'string' && typeof value.status === 'string' ? (value as ResultLine) : undefined;
  } catch {
    return undefined;
  }
}
