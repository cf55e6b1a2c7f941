// Public API of @threadloom/threading. Explicit named exports only.
export { MULTIVERSE_DIALECT, THREADWEAVER_DIALECT, threadHeader } from './lib/dialect/index.js';
export type { Dialect, DialectTags, TagPair } from './lib/dialect/index.js';
// Orchestration: the pure spawn/join state machine and the in-process runtime.
export {
  afterJoin, afterSequential, buildThreadRequest, DEFAULT_ORCHESTRATOR_OPTIONS, finalText, OrchestrationError,
  parsePlannedOutlines, pendingAction, resolveOrchestratorOptions, runOrchestration, ScriptedEngine, startOrchestration,
  terminateOrchestration, TERMINATION_REASONS, unitCompletion, unitPrompt, UnscriptedRequestError,
} from './lib/orchestration/index.js';
export type {
  BlockRecord, CallUnit, CompletionRequest, CompletionResult, Engine, EngineRequest, FinishReason, NextAction,
  OrchestrationErrorCode, OrchestrationMode, OrchestrationPhase, OrchestrationRun, OrchestrationStep,
  OrchestratorOptions, OrchestratorState, PlannedOutlines, RunOrchestrationOptions, ScriptedAnswer, Termination, TerminationReason,
  ThreadFailurePolicy, ThreadOutcome, ThreadRecord,
} from './lib/orchestration/index.js';
