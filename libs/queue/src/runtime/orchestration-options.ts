import type { NormalizedSubmission } from '@threadloom/contracts';
import type { OrchestratorOptions } from '@threadloom/threading';

/** Maps a request's parameters onto the state machine's options (the machine enforces the budgets). */
export function toOrchestratorOptions(
  parameters: NormalizedSubmission['parameters'],
  maxIterations?: number,
): Partial<OrchestratorOptions> {
  return {
    mode: parameters.mode,
    maxTotalTokens: parameters.maxTokens,
    onThreadFailure: parameters.onThreadFailure,
    ...(parameters.maxTokensPerThread === undefined ? {} : { maxTokensPerThread: parameters.maxTokensPerThread }),
    ...(maxIterations === undefined ? {} : { maxIterations }),
  };
}
