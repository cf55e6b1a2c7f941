export { afterJoin } from './after-join.js';
export type {
  CompletionRequest,
  CompletionResult,
  Engine,
  EngineRequest,
  FinishReason,
  UsageSource,
} from './engine.js';
export { OrchestrationError } from './orchestration.error.js';
export type { OrchestrationErrorCode } from './orchestration.error.js';
export {
  afterSequential,
  buildThreadRequest,
  finalText,
  pendingAction,
  startOrchestration,
  terminateOrchestration,
} from './orchestration-machine.js';
export { DEFAULT_ORCHESTRATOR_OPTIONS, resolveOrchestratorOptions } from './orchestrator-options.js';
export type { OrchestrationMode, OrchestratorOptions, ThreadFailurePolicy } from './orchestrator-options.js';
export { TERMINATION_REASONS } from './orchestrator-state.js';
export type {
  BlockRecord,
  CallUnit,
  NextAction,
  OrchestrationPhase,
  OrchestrationStep,
  OrchestratorState,
  Termination,
  TerminationReason,
  ThreadOutcome,
  ThreadRecord,
} from './orchestrator-state.js';
export { mapLimited } from './map-limited.js';
export { parsePlannedOutlines } from './outline-numbers.js';
export type { PlannedOutlines } from './outline-numbers.js';
export { runOrchestration } from './run-orchestration.js';
export type { OrchestrationRun, RunOrchestrationOptions } from './run-orchestration.js';
export { unitCompletion, unitPrompt } from './call-units.js';
export { promptPieces } from './prompt-pieces.js';
export type { PromptPiece } from './prompt-pieces.js';
export { expandPromptIds, storePromptIds, unitPromptIds, unitSequenceIds } from './unit-token-ids.js';
export type { StoredPromptIds } from './unit-token-ids.js';
export { tokenUsage } from './token-usage.js';
export type { TokenCountSource, TokenUsage } from './token-usage.js';
