import { CORPUS_ENTRY_SCHEMA, type CorpusEntry } from './corpus-entry.js';

/** Result of parsing JSONL corpus text. */
export type CorpusParseResult =
  | { readonly ok: true; readonly value: readonly CorpusEntry[] }
  | { readonly ok: false; readonly issues: readonly string[] };

/** Parses JSONL text (blank lines ignored) into corpus entries; never throws. */
export function parseCorpus(text: string): CorpusParseResult {
  const entries: CorpusEntry[] = [];
  const issues: string[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = CORPUS_ENTRY_SCHEMA.safeParse(safeJson(line));
    if (!parsed.success) {
      issues.push(
        `line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')}`,
      );
      return;
    }
    if (ids.has(parsed.data.id)) issues.push(`line ${index + 1}: duplicate id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    entries.push(parsed.data);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: entries };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
