// The simulator's shipped corpus, read as data with the shared reader (system tests do not import applications).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCorpusDir, type CorpusEntry } from '@threadloom/contracts';

export const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS_DIR = resolve(ROOT, 'apps/engine-sim/corpus');

/** Problems of every shipped corpus file, in file order. */
export function corpusProblems(): string[] {
  return corpusEntries().map((entry) => entry.problem);
}

/** Entries of every shipped corpus file, in file order (validated; a bad line fails the test run). */
export function corpusEntries(): CorpusEntry[] {
  return existsSync(CORPUS_DIR) ? readCorpusDir(CORPUS_DIR) : [];
}
