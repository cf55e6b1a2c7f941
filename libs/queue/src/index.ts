// Public API of @threadloom/queue: the Redis side of the distributed runtime that producers and
// workers share — request store, job dispatch and the producer client.
export { RedisReasoningClient } from './client/redis-reasoning-client.js';
export type { RedisReasoningClientOptions } from './client/redis-reasoning-client.js';
export { InvalidSubmissionError } from './client/invalid-submission.error.js';
export { UnknownRequestError } from './client/unknown-request.error.js';
export { WaitTimeoutError } from './client/wait-timeout.error.js';
export {
  createProducerConnection,
  createWorkerConnection,
  duplicateForBlocking,
  openRedis,
  waitForReady,
} from './redis/redis-connections.js';
export type { RedisTarget } from './redis/redis-connections.js';
export type { RedisClient } from './redis/redis-client.js';
export type { ProducerConnectionOptions } from './redis/redis-connections.js';
export { buildResult } from './runtime/build-result.js';
export type { SettledRequest, SettleObserver } from './runtime/settled-request.js';
export { dispatch } from './runtime/dispatcher.js';
export type { DispatchOptions, DispatchTargets } from './runtime/dispatcher.js';
export type { JobPolicy } from './runtime/job-options.js';
export { LaneQueues } from './runtime/lane-queues.js';
export type { LaneHandles } from './runtime/lane-queues.js';
export { toOrchestratorOptions } from './runtime/orchestration-options.js';
export { RequestFinisher } from './runtime/request-finisher.js';
export { RequestReaper } from './runtime/request-reaper.js';
export type { ReaperDeps, ReaperOptions, ReaperQueues } from './runtime/request-reaper.js';
export type { Checkpoint } from './store/checkpoint.js';
export { RequestStore } from './store/request-store.js';
export type { NewRequest, SaveOutcome } from './store/request-store.js';
export type { JobSnapshot } from './store/job-snapshot.js';
export type { StoredThread } from './store/stored-thread.js';
export { storedThreadResult, threadResultOf } from './store/stored-thread.js';
export type { AfterSettle } from './runtime/settled-request.js';
export { ROLLOUT_CLAIM_LEASE_MS } from './rollouts/rollout-defaults.js';
export { ROLLOUT_ROW_FORMATS } from './rollouts/rollout-group.js';
export type {
  RolloutGroupCommit,
  RolloutGroupOutcome,
  RolloutGroupSpec,
  RolloutGroupState,
  RolloutMemberOutcome,
  RolloutRowFormat,
} from './rollouts/rollout-group.js';
export { RolloutGroupStore } from './rollouts/rollout-group-store.js';
export type { MarkOutcome } from './rollouts/rollout-group-store.js';
export { RolloutGroups } from './rollouts/rollout-groups.js';
export type { FinalizeOutcome, RolloutGroupsOptions } from './rollouts/rollout-groups.js';
export { RolloutSweeper } from './rollouts/rollout-sweeper.js';
export type { RolloutSweeperOptions } from './rollouts/rollout-sweeper.js';
export { scoreGroup } from './rollouts/score-group.js';
export type { GroupMember, ScoringTools } from './rollouts/score-group.js';
export { RUNTIME_SCRIPTS } from './store/runtime-scripts.js';
export { redisScript, runScript } from './store/redis-script.js';
