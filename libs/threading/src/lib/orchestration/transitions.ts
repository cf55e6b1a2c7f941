import { threadHeader } from '../dialect/index.js';
import type { Dialect } from '../dialect/index.js';
import type { EngineRequest } from './engine.js';
import type { PlannedOutlines } from './outline-numbers.js';
import type {
  BlockRecord,
  NextAction,
  OrchestrationStep,
  OrchestratorState,
  Termination,
} from './orchestrator-state.js';
import { OrchestrationError } from './orchestration.error.js';
import { guardTermination, stepMaxTokens, threadMaxTokens } from './request-budget.js';

/** Ends the run with `termination`, appending nothing. */
export function finish(state: OrchestratorState, termination: Termination): OrchestrationStep {
  return { state: { ...state, phase: 'done', termination }, action: { type: 'done', reason: termination.reason } };
}

/** Checks the guards, then issues the next sequential step. */
export function enterSequential(state: OrchestratorState, dialect: Dialect): OrchestrationStep {
  const guard = guardTermination(state);
  if (guard !== null) return finish(state, { reason: guard });
  const next: OrchestratorState = { ...state, phase: 'sequential', iteration: state.iteration + 1 };
  return { state: next, action: actionOf(next, dialect) };
}

/** Checks the guards, records the block and forks one thread per outline (up to maxThreadsPerBlock). */
export function enterParallel(state: OrchestratorState, planned: PlannedOutlines, dialect: Dialect): OrchestrationStep {
  const guard = guardTermination(state);
  if (guard !== null) return finish(state, { reason: guard });
  const spawned = planned.numbers.slice(0, state.options.maxThreadsPerBlock);
  const maxTokens = threadMaxTokens(state, spawned.length);
  if (maxTokens < 1) return finish(state, { reason: 'budget', message: 'no tokens left for one per thread' });
  const block: BlockRecord = {
    index: state.blocks.length,
    forkOffset: state.response.length,
    outlines: planned.numbers,
    duplicates: planned.duplicates,
    spawned,
    unspawned: planned.numbers.slice(spawned.length),
    threadMaxTokens: maxTokens,
    threads: [],
    dropped: [],
    joinOffset: null,
    closedByOrchestrator: false,
  };
  const next: OrchestratorState = {
    ...state,
    phase: 'parallel',
    iteration: state.iteration + 1,
    blocks: [...state.blocks, block],
  };
  return { state: next, action: actionOf(next, dialect) };
}

/** The action a state is waiting for; recomputable at any time (e.g. after a worker restart). */
export function actionOf(state: OrchestratorState, dialect: Dialect): NextAction {
  switch (state.phase) {
    case 'sequential':
      return { type: 'decode', request: sequentialRequest(state, dialect) };
    case 'parallel': {
      const block = currentBlock(state);
      return { type: 'fork', blockIndex: block.index, threads: block.spawned.map((number) => ({ number })) };
    }
    case 'done':
      return { type: 'done', reason: state.termination?.reason ?? 'aborted' };
  }
}

function sequentialRequest(state: OrchestratorState, dialect: Dialect): EngineRequest {
  const stop = state.options.mode === 'parallel' ? [dialect.sequentialStop] : [];
  return { prompt: state.prompt + state.response, stop, maxTokens: stepMaxTokens(state) };
}

/** The request of thread `number` of the block being decoded: context + first-thread header, for every thread. */
export function threadRequest(
  state: OrchestratorState,
  block: BlockRecord,
  number: string,
  dialect: Dialect,
): EngineRequest {
  const context = state.prompt + state.response.slice(0, block.forkOffset);
  return {
    prompt: context + threadHeader(dialect, number, true),
    stop: [dialect.threadStop],
    maxTokens: block.threadMaxTokens,
  };
}

/** The last block; only meaningful in the parallel phase. */
export function currentBlock(state: OrchestratorState): BlockRecord {
  const block = state.blocks[state.blocks.length - 1];
  if (block === undefined) throw new OrchestrationError('wrong_phase', 'No block has been forked');
  return block;
}
