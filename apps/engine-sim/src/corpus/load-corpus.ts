import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CorpusEntry } from './corpus-entry.js';
import { CorpusLoadError } from './corpus-load.error.js';
import { parseCorpus } from './parse-corpus.js';

/** Path of the corpus shipped with the simulator (`apps/engine-sim/corpus/threadweaver-math.jsonl`). */
export const DEFAULT_CORPUS_PATH = fileURLToPath(new URL('../../corpus/threadweaver-math.jsonl', import.meta.url));

/** Reads and validates a JSONL corpus; throws CorpusLoadError listing bad lines. */
export async function loadCorpus(path: string = DEFAULT_CORPUS_PATH): Promise<readonly CorpusEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CorpusLoadError(`cannot read corpus ${path}: ${(error as Error).message}`);
  }
  const parsed = parseCorpus(text);
  if (!parsed.ok) throw new CorpusLoadError(`invalid corpus ${path}`, parsed.issues);
  return parsed.value;
}
