import { resolve } from 'node:path';
import { readCorpusDir, type CorpusEntry } from '@threadloom/contracts';
import { APPS_DIR } from './entry-points.js';

/** One problem of the simulator's shipped corpus, with its reference answer and recorded response. */
export type CorpusProblem = CorpusEntry;

/** The directory of the simulator's shipped corpus (`apps/engine-sim/corpus`). */
export const CORPUS_DIR = resolve(APPS_DIR, 'engine-sim/corpus');

/** Every problem of every `*.jsonl` file in `dir`, in file then line order; a bad line fails (CorpusLoadError). */
export function readCorpusProblems(dir: string = CORPUS_DIR): CorpusProblem[] {
  return readCorpusDir(dir);
}

/** An evenly spread, deterministic sample of at most `limit` problems. */
export function sampleProblems(problems: readonly CorpusProblem[], limit: number): CorpusProblem[] {
  if (problems.length <= limit) return [...problems];
  const step = problems.length / limit;
  return Array.from({ length: limit }, (_, index) => problems[Math.floor(index * step)]!);
}
