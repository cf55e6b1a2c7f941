import type { Dialect } from '../dialect/index.js';
import { requirePhase } from './orchestration-machine.js';
import type { BlockRecord, OrchestrationStep, OrchestratorState, ThreadOutcome } from './orchestrator-state.js';
import { resolveDialect } from './resolve-dialect.js';
import { joinThreads } from './thread-join.js';
import type { JoinedThreads } from './thread-join.js';
import { currentBlock, enterSequential, finish } from './transitions.js';

/**
 * Joins the current block (spec §2.3 steps 4–5, §2.5): threads in outline order, forced closures, then
 * either the join suffix and the next sequential step, or the block close and the end of the run.
 * `outcomes` are matched by thread number; any order is accepted, outline order is conventional.
 */
export function afterJoin(
  state: OrchestratorState,
  outcomes: readonly ThreadOutcome[],
  dialect?: Dialect,
): OrchestrationStep {
  const resolved = resolveDialect(state.dialect, dialect);
  requirePhase(state, 'parallel');
  const block = currentBlock(state);
  const joined = joinThreads(state, block, outcomes, resolved);
  const counted: OrchestratorState = { ...state, generatedTokens: state.generatedTokens + joined.tokens };
  if (joined.failed !== null) {
    const failedState = withBlock(counted, { ...block, threads: joined.threads });
    const message = joined.failed.error ?? 'thread failed';
    return finish(failedState, {
      reason: 'thread_failed',
      thread: joined.failed.number,
      message: `thread ${joined.failed.number}: ${message}`,
    });
  }
  const closeReason =
    joined.ended !== null
      ? joined.anyLength
        ? 'thread_length'
        : 'thread_eos'
      : counted.generatedTokens >= counted.options.maxTotalTokens
        ? 'budget'
        : null;
  const closeBlock = closeReason !== null || counted.options.appendBlockCloseAtJoin;
  const suffix = (closeBlock ? resolved.forcedBlockClose : '') + (closeReason === null ? resolved.joinSuffix : '');
  const joinedState = applyJoin(counted, block, joined, suffix, closeBlock);
  if (closeReason === null) return enterSequential(joinedState, resolved);
  return finish(
    joinedState,
    joined.ended === null ? { reason: closeReason } : { reason: closeReason, thread: joined.ended.number },
  );
}

function applyJoin(
  state: OrchestratorState,
  block: BlockRecord,
  joined: JoinedThreads,
  suffix: string,
  closed: boolean,
): OrchestratorState {
  const response = state.response + joined.text + suffix;
  const tokens = joined.tokens;
  const contextTokens =
    joined.maxPromptTokens !== null
      ? joined.maxPromptTokens + tokens
      : state.contextTokens === null
        ? null
        : state.contextTokens + tokens;
  const updated: BlockRecord = {
    ...block,
    threads: joined.threads,
    dropped: joined.dropped,
    joinOffset: response.length,
    closedByOrchestrator: closed,
  };
  return { ...withBlock(state, updated), response, contextTokens, units: [...state.units, ...joined.units] };
}

function withBlock(state: OrchestratorState, block: BlockRecord): OrchestratorState {
  return { ...state, blocks: state.blocks.map((candidate) => (candidate.index === block.index ? block : candidate)) };
}
