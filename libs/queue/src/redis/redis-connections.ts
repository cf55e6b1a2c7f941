import { Redis } from 'ioredis';

/**
 * A connection for BullMQ workers and blocking commands: retries forever (BullMQ requirement).
 * `autoPipelining` batches the commands issued in one event-loop tick into one socket write: for the
 * shared command connection of a busy worker, not for blocking or subscriber connections.
 */
export function createWorkerConnection(
  url: string,
  name: string,
  options: { readonly autoPipelining?: boolean } = {},
): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    enableAutoPipelining: options.autoPipelining ?? false,
  });
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
export function createProducerConnection(url: string, name: string, options: ProducerConnectionOptions = {}): Redis {
  const reconnectMaxMs = options.reconnectMaxMs ?? 1_000;
  return new Redis(url, {
    maxRetriesPerRequest: 3,
    enableOfflineQueue: false,
    connectionName: name,
    retryStrategy: (times) => Math.min(times * 100, reconnectMaxMs),
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeout: options.commandTimeoutMs }),
  });
}

/** Resolves once the connection is ready (producers have no offline queue, so wait first). */
export async function waitForReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready after ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
