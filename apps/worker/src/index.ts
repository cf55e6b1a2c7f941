// Public API of @threadloom/worker: the producer-side client and the worker configuration contract.
export { RedisReasoningClient } from './client/redis-reasoning-client.js';
export type { RedisReasoningClientOptions } from './client/redis-reasoning-client.js';
export { InvalidSubmissionError } from './client/invalid-submission.error.js';
export { UnknownRequestError } from './client/unknown-request.error.js';
export { WaitTimeoutError } from './client/wait-timeout.error.js';
export { parseWorkerConfig, workerEnvSchema } from './config/worker-config.js';
export type { WorkerConfig, WorkerConfigResult } from './config/worker-config.js';
export { mapEngineError } from './engine/map-engine-error.js';
export { RedisPolicyError } from './redis/redis-policy.error.js';
export { WorkerRuntime } from './runtime/worker-runtime.js';
export type { RuntimeLogger } from './runtime/worker-runtime.js';
