export { findFreePort } from './free-port.js';
export { startRedisServer, terminate } from './redis-launcher.js';
export type { RedisLaunchOptions, RunningRedis } from './redis-launcher.js';
export { RedisNotInstalledError } from './redis-not-installed.error.js';
export { spawnNodeProcess } from './supervised-process.js';
export type { SpawnReadyOptions, SupervisedProcess } from './supervised-process.js';
export { ProcessNotReadyError } from './process-not-ready.error.js';
