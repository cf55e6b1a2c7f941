// Public API of @threadloom/threading. Explicit named exports only.
// Qwen3 chat template: render a prompt, split one back into problem and assistant text.
export { CHAT_ROLES, parseChatPrompt, renderChatPrompt, renderUserPrompt } from './lib/chat/index.js';
export type { ChatMessage, ChatPrompt, ChatRole } from './lib/chat/index.js';
export { MULTIVERSE_DIALECT, THREADWEAVER_DIALECT, threadHeader } from './lib/dialect/index.js';
export type { Dialect, DialectTags, TagPair } from './lib/dialect/index.js';
// Format: parser, validator, serializer (one pass over the tags of a response).
export {
  findNextTag,
  FORMAT_ISSUE_CODES,
  FORMAT_RULES,
  formatIssue,
  MAX_OUTLINES,
  parseTrajectory,
  RULE_OF_ISSUE,
  serializeTrajectory,
  tagTable,
  validateFormat,
} from './lib/format/index.js';
export type {
  BlockSegment,
  Conclusion,
  ElementOffsets,
  FormatIssue,
  FormatIssueCode,
  FormatRule,
  NumberedElement,
  ParseOptions,
  ParseResult,
  Plan,
  Segment,
  SerializeOptions,
  TagInfo,
  TagMatch,
  TagRole,
  TagTable,
  TextSegment,
  Trajectory,
  ValidateOptions,
  ValidationIssue,
  ValidationMode,
  ValidationResult,
} from './lib/format/index.js';
// Metrics and tokenizers (spec §3.1).
export { computeMetrics } from './lib/metrics/index.js';
export type { TrajectoryMetrics } from './lib/metrics/index.js';
export { createCharsTokenizer, loadQwen3Tokenizer } from './lib/tokenizer/index.js';
export type { Tokenizer } from './lib/tokenizer/index.js';
// Trie packing for training (spec §5): token encoders, units, prefix trie, flattened rows with intervals.
export {
  CHARS_SPECIAL_BASE,
  CHAT_SPECIAL_TOKENS,
  createCharsEncoder,
  extractUnits,
  flattenTrie,
  IGNORE_LABEL,
  LABEL_MODES,
  loadQwen3Encoder,
  packedBytes,
  packLabels,
  packTrajectory,
  PACKING_ISSUE_CODES,
  PrefixTrie,
  UnknownSpecialTokenError,
} from './lib/packing/index.js';
export type {
  FlatTrie,
  LabelMode,
  PackedSequence,
  PackInput,
  PackingIssue,
  PackingIssueCode,
  PackLabels,
  PackOptions,
  PackResult,
  TokenEncoder,
  UnitsResult,
  UnitTags,
} from './lib/packing/index.js';
// Orchestration: the pure spawn/join state machine and the in-process runtime.
export {
  afterJoin,
  afterSequential,
  buildThreadRequest,
  DEFAULT_ORCHESTRATOR_OPTIONS,
  finalText,
  mapLimited,
  OrchestrationError,
  parsePlannedOutlines,
  pendingAction,
  resolveOrchestratorOptions,
  runOrchestration,
  ScriptedEngine,
  startOrchestration,
  terminateOrchestration,
  TERMINATION_REASONS,
  tokenUsage,
  unitCompletion,
  unitPrompt,
  UnscriptedRequestError,
} from './lib/orchestration/index.js';
export type {
  BlockRecord,
  CallUnit,
  CompletionRequest,
  CompletionResult,
  Engine,
  EngineRequest,
  FinishReason,
  NextAction,
  OrchestrationErrorCode,
  OrchestrationMode,
  OrchestrationPhase,
  OrchestrationRun,
  OrchestrationStep,
  OrchestratorOptions,
  OrchestratorState,
  PlannedOutlines,
  RunOrchestrationOptions,
  ScriptedAnswer,
  Termination,
  TerminationReason,
  ThreadFailurePolicy,
  ThreadOutcome,
  ThreadRecord,
  TokenCountSource,
  TokenUsage,
  UsageSource,
} from './lib/orchestration/index.js';
