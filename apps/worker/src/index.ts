// Public API of @threadloom/worker: the worker process's configuration contract and runtime.
// The producer-side client lives in @threadloom/queue.
export { parseWorkerConfig, workerEnvSchema } from './config/worker-config.js';
export type { WorkerConfig, WorkerConfigResult } from './config/worker-config.js';
export { mapEngineError } from './engine/map-engine-error.js';
export { RedisPolicyError } from './redis/redis-policy.error.js';
export { WorkerRuntime } from './runtime/worker-runtime.js';
export type { RuntimeLogger } from './runtime/worker-runtime.js';
