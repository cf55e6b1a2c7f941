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

/** A connection for producers: fails fast instead of queueing commands while Redis is down. */
export function createProducerConnection(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 3, enableOfflineQueue: false, connectionName: name });
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
