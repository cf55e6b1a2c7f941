import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisClient } from './redis-client.js';

/** Where Redis is: one server (`url`), or a Redis Cluster reached through seed nodes (`url` then gives credentials and TLS). */
export interface RedisTarget {
  readonly url: string;
  /** `host:port` seeds of a Redis Cluster (REDIS_CLUSTER_NODES); empty or absent for one server. */
  readonly clusterNodes?: readonly string[] | undefined;
}

/**
 * A connection for BullMQ workers and blocking commands: retries forever (BullMQ requirement).
 * `autoPipelining` batches the commands issued in one event-loop tick into one socket write: for the
 * shared command connection of a busy worker, not for blocking or subscriber connections.
 */
export function createWorkerConnection(
  target: string | RedisTarget,
  name: string,
  options: { readonly autoPipelining?: boolean } = {},
): RedisClient {
  const autoPipelining = options.autoPipelining ?? false;
  return openRedis(target, { maxRetriesPerRequest: null, connectionName: name, enableAutoPipelining: autoPipelining });
}

/** How a producer connection behaves while Redis is away. */
export interface ProducerConnectionOptions {
  /** A command without an answer fails after this long. @defaultValue none (ioredis waits) */
  readonly commandTimeoutMs?: number;
  /** Reconnect attempts back off to at most this interval, so a returning Redis is seen quickly. @defaultValue 1000 */
  readonly reconnectMaxMs?: number;
}

/**
 * A connection for producers: fails fast instead of queueing commands while Redis is down (no offline
 * queue), and retries the connection at least every `reconnectMaxMs` (ioredis's default backs off to 2 s).
 */
export function createProducerConnection(
  target: string | RedisTarget,
  name: string,
  options: ProducerConnectionOptions = {},
): RedisClient {
  const reconnectMaxMs = options.reconnectMaxMs ?? 1_000;
  return openRedis(target, {
    maxRetriesPerRequest: 3,
    enableOfflineQueue: false,
    connectionName: name,
    retryStrategy: (times) => Math.min(times * 100, reconnectMaxMs),
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeout: options.commandTimeoutMs }),
  });
}

/** A second connection like `redis` (same server or cluster) for blocking reads: queues while reconnecting. */
export function duplicateForBlocking(redis: RedisClient): RedisClient {
  if (redis instanceof Cluster)
    return redis.duplicate(undefined, {
      enableOfflineQueue: true,
      redisOptions: { ...redis.options.redisOptions, maxRetriesPerRequest: null, commandTimeout: undefined },
    });
  return redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
}

/** Resolves once the connection is ready (producers have no offline queue, so wait first). */
export async function waitForReady(redis: RedisClient, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  // Not events.once: that rejects on the first 'error', while ioredis keeps reconnecting until ready.
  const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  const timeout = sleep(timeoutMs, undefined, { ref: false }).then(() => {
    throw new Error(`Redis not ready after ${timeoutMs} ms`);
  });
  await Promise.race([ready, timeout]);
}

/**
 * One connection with `options` to one server, or to a Redis Cluster (`target.clusterNodes`). On a
 * cluster the options that govern the whole client (offline queue, auto-pipelining, lazy connect, the
 * reconnect strategy) are the cluster's; the rest apply to each node connection, with `target.url`'s
 * credentials and TLS.
 */
export function openRedis(target: string | RedisTarget, options: RedisOptions): RedisClient {
  const { url, clusterNodes = [] } = typeof target === 'string' ? { url: target } : target;
  if (clusterNodes.length === 0) return new Redis(url, options);
  const { enableOfflineQueue, enableAutoPipelining, lazyConnect, retryStrategy, ...perNode } = options;
  const clusterOptions: ClusterOptions = {
    redisOptions: { ...perNode, ...credentials(url) },
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(enableAutoPipelining === undefined ? {} : { enableAutoPipelining }),
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
    // Node connections do not reconnect on their own (the cluster refreshes its slot map): the cluster's strategy is it.
    ...(retryStrategy === undefined ? {} : { clusterRetryStrategy: retryStrategy }),
    // A failover moves slots: retry the command on the new owner instead of failing it.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 200,
  };
  return new Cluster(clusterNodes.map(seed), clusterOptions);
}

function seed(node: string): { host: string; port: number } {
  const at = node.lastIndexOf(':');
  return at < 0 ? { host: node, port: 6379 } : { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
}

function credentials(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    ...(parsed.username === '' ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
