import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import type { Dialect } from '../dialect/index.js';
import { keepCompletion, type KeptCompletion } from './completion-text.js';
import type { CompletionResult, EngineRequest } from './engine.js';
import { OrchestrationError } from './orchestration.error.js';
import { resolveOrchestratorOptions } from './orchestrator-options.js';
import type { OrchestratorOptions } from './orchestrator-options.js';
import type {
  NextAction,
  OrchestrationPhase,
  OrchestrationStep,
  OrchestratorState,
  TerminationReason,
} from './orchestrator-state.js';
import { parsePlannedOutlines } from './outline-numbers.js';
import { safeTokenCount } from './request-budget.js';
import { resolveDialect } from './resolve-dialect.js';
import { unitUsage } from './unit-usage.js';
import { actionOf, currentBlock, enterParallel, enterSequential, finish, threadRequest } from './transitions.js';

/** Starts an orchestration: the first action is always a sequential decode (or done on a zero budget). */
export function startOrchestration(
  prompt: string,
  options: Partial<OrchestratorOptions> = {},
  dialect: Dialect = THREADWEAVER_DIALECT,
): OrchestrationStep {
  const state: OrchestratorState = {
    version: 1,
    dialect: dialect.name,
    options: resolveOrchestratorOptions(options),
    prompt,
    response: '',
    phase: 'sequential',
    iteration: 0,
    generatedTokens: 0,
    contextTokens: null,
    blocks: [],
    units: [],
    termination: null,
  };
  return enterSequential(state, dialect);
}

/** Applies a sequential step's result: finish, fork the planned block, or keep decoding (spec §2.3 step 2). */
export function afterSequential(
  state: OrchestratorState,
  result: CompletionResult,
  dialect?: Dialect,
): OrchestrationStep {
  const resolved = resolveDialect(state.dialect, dialect);
  requirePhase(state, 'sequential');
  const parallel = state.options.mode === 'parallel';
  const kept = keepCompletion(result, parallel ? resolved.sequentialStop : null, resolved);
  const next = recordSequential(state, result, kept);
  if (kept.text === '') return finish(next, { reason: 'empty_output' });
  if (kept.eos) return finish(next, { reason: 'eos' });
  if (result.finishReason === 'length')
    return finish(next, { reason: next.generatedTokens >= next.options.maxTotalTokens ? 'budget' : 'length' });
  // The baseline asked for no stop string: whatever else stopped it ends the request.
  if (!parallel) return finish(next, { reason: 'eos' });
  if (!kept.stopped) return enterSequential(next, resolved);
  const planned = parsePlannedOutlines(kept.text, resolved);
  // Zero outlines: the autoregressive fallback continues from a context ending in the plan close.
  return planned.numbers.length === 0 ? enterSequential(next, resolved) : enterParallel(next, planned, resolved);
}

function recordSequential(state: OrchestratorState, result: CompletionResult, kept: KeptCompletion): OrchestratorState {
  const { text } = kept;
  const tokens = safeTokenCount(result.completionTokens);
  const start = state.response.length;
  return {
    ...state,
    response: state.response + text,
    generatedTokens: state.generatedTokens + tokens,
    contextTokens:
      result.promptTokens !== undefined
        ? safeTokenCount(result.promptTokens) + tokens
        : state.contextTokens === null
          ? null
          : state.contextTokens + tokens,
    units: [
      ...state.units,
      {
        kind: 'sequential',
        block: state.blocks.length,
        thread: null,
        contextChars: state.prompt.length + start,
        completionStart: start,
        completionEnd: start + text.length,
        completionTokens: tokens,
        finishReason: result.finishReason,
        stopReason: result.stopReason,
        ...unitUsage(result, state.units, kept),
      },
    ],
  };
}

/** The request of one thread of the block being decoded, rebuilt from the state alone (distributed thread jobs). */
export function buildThreadRequest(state: OrchestratorState, threadNumber: string, dialect?: Dialect): EngineRequest {
  const resolved = resolveDialect(state.dialect, dialect);
  requirePhase(state, 'parallel');
  const block = currentBlock(state);
  if (!block.spawned.includes(threadNumber)) {
    throw new OrchestrationError('unknown_thread', `Block ${block.index} spawned no thread ${threadNumber}`);
  }
  return threadRequest(state, block, threadNumber, resolved);
}

/** The action a state waits for: lets a runtime resume from a stored state. */
export function pendingAction(state: OrchestratorState, dialect?: Dialect): NextAction {
  return actionOf(state, resolveDialect(state.dialect, dialect));
}

/** Ends a run from outside (abort, engine failure), appending nothing; a finished state is returned as is. */
export function terminateOrchestration(
  state: OrchestratorState,
  reason: TerminationReason,
  message?: string,
): OrchestrationStep {
  if (state.phase === 'done' && state.termination !== null)
    return { state, action: { type: 'done', reason: state.termination.reason } };
  return finish(state, message === undefined ? { reason } : { reason, message });
}

/** The assistant response so far, without EOS (append the dialect's endOfSequence for the chat transcript). */
export function finalText(state: OrchestratorState): string {
  return state.response;
}

/** Throws OrchestrationError unless the state is in `phase`. */
export function requirePhase(state: OrchestratorState, phase: OrchestrationPhase): void {
  if (state.phase !== phase) {
    throw new OrchestrationError('wrong_phase', `Expected phase ${phase}, state is ${state.phase}`);
  }
}
