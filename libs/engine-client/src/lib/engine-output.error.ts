/** The engine answered, but not with something the orchestrator can use (deterministic: not retried). */
export class EngineOutputError extends Error {
  override readonly name = 'EngineOutputError';
}
