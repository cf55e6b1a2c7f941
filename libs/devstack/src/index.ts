export { findFreePort } from './free-port.js';
export { startRedisServer, terminate } from './redis-launcher.js';
export type { RedisLaunchOptions, RunningRedis } from './redis-launcher.js';
export { RedisNotInstalledError } from './redis-not-installed.error.js';
