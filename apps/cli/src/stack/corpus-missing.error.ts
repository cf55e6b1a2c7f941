/** The simulator's shipped corpus holds no problem to run. */
export class CorpusMissingError extends Error {
  override readonly name = 'CorpusMissingError';

  constructor(dir: string) {
    super(`no problems found in ${dir}/*.jsonl (lines of {id, problem, answer, trajectory}).`);
  }
}
