import { fileURLToPath } from 'node:url';
import { loadCorpusFile, type CorpusEntry } from '@threadloom/contracts';

/** Path of the corpus shipped with the simulator (`apps/engine-sim/corpus/threadweaver-math.jsonl`). */
export const DEFAULT_CORPUS_PATH = fileURLToPath(new URL('../../corpus/threadweaver-math.jsonl', import.meta.url));

/** Reads and validates a JSONL corpus (the shipped one by default); throws CorpusLoadError listing bad lines. */
export function loadCorpus(path: string = DEFAULT_CORPUS_PATH): Promise<readonly CorpusEntry[]> {
  return loadCorpusFile(path);
}
