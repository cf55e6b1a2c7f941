import { MalformedBodyError } from '../common/errors/malformed-body.error.js';

/** Parses JSON Lines (blank lines ignored); a bad line is reported by its 1-based number. */
export function parseJsonLines(text: string): unknown[] {
  const values: unknown[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      values.push(JSON.parse(line));
    } catch {
      throw new MalformedBodyError(`line ${index + 1} is not valid JSON`);
    }
  });
  return values;
}
