import type { OrchestratorState, TerminationReason } from './orchestrator-state.js';

/** Engine tokens still allowed by maxTotalTokens. */
function remainingTotalTokens(state: OrchestratorState): number {
  return state.options.maxTotalTokens - state.generatedTokens;
}

/** Context tokens still allowed by maxContextTokens, or null when either side is unknown. */
function remainingContextTokens(state: OrchestratorState): number | null {
  const { maxContextTokens } = state.options;
  if (maxContextTokens === null || state.contextTokens === null) return null;
  return maxContextTokens - state.contextTokens;
}

/** The spec §2.3 guards, checked before every step; a firing guard ends the run without closing tags. */
export function guardTermination(state: OrchestratorState): TerminationReason | null {
  if (state.iteration >= state.options.maxIterations) return 'iteration_cap';
  if (remainingTotalTokens(state) <= 0) return 'budget';
  const context = remainingContextTokens(state);
  if (context !== null && context <= 0) return 'context';
  return null;
}

/** max tokens of a sequential request: never more than the total or context budget left. */
export function stepMaxTokens(state: OrchestratorState): number {
  return capByContext(state, Math.min(state.options.maxTokensPerStep, remainingTotalTokens(state)));
}

/**
 * max tokens of each thread of a block. Threads decode concurrently, so the remaining total budget is
 * split evenly between them: together they can never overshoot it (the reference can, spec §2.7).
 */
export function threadMaxTokens(state: OrchestratorState, threadCount: number): number {
  const share = Math.floor(remainingTotalTokens(state) / Math.max(1, threadCount));
  return capByContext(state, Math.min(state.options.maxTokensPerThread, share));
}

function capByContext(state: OrchestratorState, maxTokens: number): number {
  const context = remainingContextTokens(state);
  return context === null ? maxTokens : Math.min(maxTokens, context);
}

/** A token count from an engine, made safe to add up (negative or non-finite counts become 0). */
export function safeTokenCount(count: number | undefined): number {
  return count !== undefined && Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}
