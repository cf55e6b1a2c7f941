// Whether a command's output still has the shape its documentation shows.

/**
 * Every shown line must match an output line, in order. A shown JSON object matches a JSON line
 * with at least its keys, each holding a value of the same type (recursively); values are not
 * compared. A text line matches when it equals the output line up to: `…` (any text), numbers (any
 * number), runs of spaces and runs of `-` (any length, so tables may be wider). Returns the first
 * shown line that matched nothing, or undefined.
 */
export function firstMismatch(shown: readonly string[], output: string): string | undefined {
  const lines = output.split('\n').map((line) => line.trimEnd());
  let at = 0;
  for (const expected of shown) {
    const matches = lineMatcher(expected);
    while (at < lines.length && !matches(lines[at]!)) at += 1;
    if (at === lines.length) return expected;
    at += 1;
  }
  return undefined;
}

function lineMatcher(expected: string): (line: string) => boolean {
  const json = parseJson(expected);
  if (json !== undefined) return (line) => sameShape(json, parseJson(line));
  if (expected.trim() === '…') return () => true;
  const pattern = expected
    .trim()
    .split(/(…|\d+(?:\.\d+)?| +|-{2,})/)
    .map((part) => {
      if (part === '…') return '.*?';
      if (/^\d/.test(part)) return '\\d+(?:\\.\\d+)?';
      if (/^ +$/.test(part)) return ' +';
      if (/^-{2,}$/.test(part)) return '-+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${pattern}$`);
  return (line) => regex.test(line.trim());
}

function parseJson(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sameShape(expected: unknown, actual: unknown): boolean {
  if (expected === null) return actual === null || actual !== undefined;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    return expected.length === 0 || actual.length === 0 || sameShape(expected[0], actual[0]);
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => key in record && sameShape(value, record[key]));
  }
  return typeof expected === typeof actual;
}
