import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APPS_DIR } from './entry-points.js';

/** One problem of the simulator's shipped corpus, with its reference answer. */
export interface CorpusProblem {
  readonly id: string;
  readonly problem: string;
  readonly answer: string;
  /** The recorded assistant response the simulator replays. */
  readonly trajectory: string;
}

/** The directory of the simulator's shipped corpus (`apps/engine-sim/corpus`). */
export const CORPUS_DIR = resolve(APPS_DIR, 'engine-sim/corpus');

/** Every problem of every `*.jsonl` file in `dir`, in file then line order; malformed lines are skipped. */
export function readCorpusProblems(dir: string = CORPUS_DIR): CorpusProblem[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  return files.flatMap((name) => readFileSync(resolve(dir, name), 'utf8').split('\n').flatMap(parseLine));
}

/** An evenly spread, deterministic sample of at most `limit` problems. */
export function sampleProblems(problems: readonly CorpusProblem[], limit: number): CorpusProblem[] {
  if (problems.length <= limit) return [...problems];
  const step = problems.length / limit;
  return Array.from({ length: limit }, (_, index) => problems[Math.floor(index * step)]!);
}

function parseLine(line: string): CorpusProblem[] {
  if (line.trim() === '') return [];
  try {
    const value = JSON.parse(line) as Partial<CorpusProblem>;
    const { id, problem, answer, trajectory } = value;
    if (typeof id !== 'string' || typeof problem !== 'string' || typeof answer !== 'string') return [];
    return [{ id, problem, answer, trajectory: typeof trajectory === 'string' ? trajectory : '' }];
  } catch {
    return [];
  }
}
