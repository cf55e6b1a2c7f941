import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CorpusEntry } from './corpus-entry.js';
import { CorpusLoadError } from './corpus-load.error.js';
import { parseCorpus } from './parse-corpus.js';

/** Reads and validates one JSONL corpus file; throws CorpusLoadError listing bad lines. */
export async function loadCorpusFile(path: string): Promise<readonly CorpusEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CorpusLoadError(`cannot read corpus ${path}: ${(error as Error).message}`);
  }
  return validated(path, text);
}

/**
 * Every entry of every `*.jsonl` file in `dir`, in file-name then line order, each file validated like
 * {@link loadCorpusFile}; throws CorpusLoadError when a file cannot be read or has bad lines.
 */
export function readCorpusDir(dir: string): CorpusEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
  } catch (error) {
    throw new CorpusLoadError(`cannot read corpus directory ${dir}: ${(error as Error).message}`);
  }
  return names.sort().flatMap((name) => {
    const path = resolve(dir, name);
    return [...validated(path, readFileSync(path, 'utf8'))];
  });
}

function validated(path: string, text: string): readonly CorpusEntry[] {
  const parsed = parseCorpus(text);
  if (!parsed.ok) throw new CorpusLoadError(`invalid corpus ${path}`, parsed.issues);
  return parsed.value;
}
