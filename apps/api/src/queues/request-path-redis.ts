import { openRedis, type RedisClient } from '@threadloom/queue';
import type { ApiConfig } from '../config/api-config.js';

/**
 * A connection for the request path (rate limiter, readiness, backlog, batches), to one server or to
 * the Redis Cluster of REDIS_CLUSTER_NODES. Until the first connection, commands queue (lazy: the
 * first one connects). From then on, while Redis is known down a command fails at once (the offline
 * queue is switched off; ioredis reads the option per command, on a cluster too) and the call answers
 * 503; a command without an answer fails after `API_REDIS_COMMAND_TIMEOUT_MS`; and reconnects are
 * tried at least every `API_REDIS_RECONNECT_MAX_MS`, so a returning Redis is used within about that
 * (ioredis's default backs off to 2 s; BullMQ's own, for connections it creates, to 20 s).
 */
export function requestPathRedis(config: ApiConfig, name: string): RedisClient {
  const redis = openRedis(
    { url: config.redisUrl, clusterNodes: config.redisClusterNodes },
    {
      lazyConnect: true,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      commandTimeout: config.redis.commandTimeoutMs,
      retryStrategy: (times) => Math.min(times * 100, config.redis.reconnectMaxMs),
      connectionName: name,
    },
  );
  redis.once('ready', () => (redis.options.enableOfflineQueue = false));
  redis.on('error', () => undefined); // surfaced by the failing command (readiness reports it)
  return redis;
}
