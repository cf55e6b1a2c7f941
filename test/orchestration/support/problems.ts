// Which problems a test runs: the shipped corpus, or synthetic prompts when the corpus is not there yet.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderUserPrompt } from '@threadloom/threading';
import { corpusProblems } from '../../support/corpus.js';

interface ProblemSet {
  readonly prompts: string[];
  /** `--corpus` for the simulators; undefined means the shipped default. */
  readonly corpus: string | undefined;
}

/** The shipped corpus (all of it, or the first `limit`), falling back to synthetic prompts on an empty corpus. */
export function problemSet(limit?: number): ProblemSet {
  const problems = corpusProblems();
  if (problems.length > 0)
    return { prompts: problems.slice(0, limit).map((problem) => renderUserPrompt(problem)), corpus: undefined };
  const corpus = join(tmpdir(), `threadloom-empty-corpus-${process.pid}.jsonl`);
  writeFileSync(corpus, '');
  const synthetic = Array.from({ length: limit ?? 8 }, (_, i) => `Compute ${i + 3} * ${i + 11} and explain each step.`);
  return { prompts: synthetic.map((problem) => renderUserPrompt(problem)), corpus };
}
