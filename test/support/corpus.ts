// The simulator's shipped corpus, read as data (system tests do not import applications).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = resolve(ROOT, 'apps/engine-sim/corpus');

/** One corpus line: a problem, its recorded trajectory and its answer. */
export interface CorpusEntry {
  readonly id: string;
  readonly problem: string;
  readonly trajectory: string;
  readonly answer: string;
}

/** Problems of every shipped corpus file, in file order. */
export function corpusProblems(): string[] {
  return corpusEntries().map((entry) => entry.problem);
}

/** Entries of every shipped corpus file, in file order. */
export function corpusEntries(): CorpusEntry[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readFileSync(resolve(CORPUS_DIR, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusEntry);
}
