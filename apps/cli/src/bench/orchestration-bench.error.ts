/** A request the orchestration benchmark sent did not complete as the measurement needs. */
export class OrchestrationBenchError extends Error {
  override readonly name = 'OrchestrationBenchError';

  constructor(id: string, detail: string) {
    super(`benchmark request ${id}: ${detail}`);
  }
}
