// Public API of @threadloom/contracts: shapes shared by producers (API, CLI) and workers.
export { REQUEST_STATUSES, TERMINAL_STATUSES, isTerminalStatus } from './lib/request-status.js';
export type { RequestStatus, TerminalStatus } from './lib/request-status.js';
export { ROLLOUT_STATUSES, isTerminalRolloutStatus } from './lib/rollout-status.js';
export type { RolloutStatus } from './lib/rollout-status.js';
export { DEFAULT_MODEL, reasoningParametersSchema, reasoningSubmissionSchema } from './lib/reasoning-request.js';
export type { NormalizedSubmission, ReasoningParameters, ReasoningSubmission } from './lib/reasoning-request.js';
export type {
  ReasoningClient,
  ReasoningEvent,
  ReasoningResult,
  RequestView,
  ResultBlock,
  ResultThread,
} from './lib/reasoning-client.js';
export type { ResultMetrics, TokenCountSource } from './lib/result-metrics.js';
export { DEFAULT_KEY_PREFIX, QUEUE_NAMES, WORKER_ROLES } from './lib/queue-names.js';
export { DEFAULT_RETRY_POLICY, JOB_KINDS, parseRetryPolicy, retryEnvShape, toRetryPolicy } from './lib/retry-policy.js';
export type { JobKind, RetryPolicy } from './lib/retry-policy.js';
export type { QueueName, WorkerRole } from './lib/queue-names.js';
export {
  cancelChannel,
  deadlineSweepLockKey,
  deadlinesKey,
  engineLoadKey,
  idempotencyKey,
  jobIds,
  liveRequestsKey,
  reaperLockKey,
  requestKeys,
  servedContextKey,
  prefixHoldersKey,
  threadField,
} from './lib/redis-keys.js';
export type { RequestKeys } from './lib/redis-keys.js';
export {
  allLanes,
  DEFAULT_LANE,
  hasHashTag,
  laneOfKey,
  laneOfRequest,
  lanePrefix,
  MAX_LANES,
  requestIdInLane,
} from './lib/lanes.js';
export { openRolloutGroupsKey, rolloutGroupKeys, rolloutJobKey } from './lib/rollout-keys.js';
export type { RolloutGroupKeys } from './lib/rollout-keys.js';
export { commaList, commaListSchema } from './lib/comma-list.js';
export { keyLayoutEnvShape, laneEnvShape, laneLayoutIssues, parseLaneList } from './lib/lane-config.js';
export { redisClusterEnvShape } from './lib/redis-cluster-config.js';
export { joinJobSchema, reasonJobSchema, threadJobSchema, traceCarrierSchema } from './lib/job-payloads.js';
export type { JoinJobData, ReasonJobData, ThreadJobData, TraceCarrierData } from './lib/job-payloads.js';
export { IdempotencyConflictError } from './lib/idempotency-conflict.error.js';
export { REASONING_EVENT_TYPES } from './lib/event-types.js';
export type { ReasoningEventType } from './lib/event-types.js';
export {
  VLLM_COMPLETION_FIELDS,
  VLLM_COMPLETION_SOURCE,
  VLLM_SAMPLING_RANGES,
  VLLM_STREAM_OPTIONS_FIELDS,
} from './lib/vllm/vllm-completion-fields.js';
export type { VllmField, VllmFieldType } from './lib/vllm/vllm-completion-fields.js';
export { checkVllmCompletionRequest } from './lib/vllm/check-vllm-completion-request.js';
export type { VllmRequestCheck, VllmRequestIssue } from './lib/vllm/check-vllm-completion-request.js';
export { engineCallId, engineCallSeed } from './lib/engine-call.js';
export type { EngineCallPlace } from './lib/engine-call.js';
export type { CorpusEntry } from './lib/corpus/corpus-entry.js';
export { CORPUS_ENTRY_SCHEMA } from './lib/corpus/corpus-entry.js';
export { CorpusLoadError } from './lib/corpus/corpus-load.error.js';
export { parseCorpus } from './lib/corpus/parse-corpus.js';
export type { CorpusParseResult } from './lib/corpus/parse-corpus.js';
export { loadCorpusFile, readCorpusDir } from './lib/corpus/read-corpus.js';
