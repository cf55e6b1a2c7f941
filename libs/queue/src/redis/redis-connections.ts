import { Redis } from 'ioredis';

/** A connection for BullMQ workers and blocking commands: retries forever (BullMQ requirement). */
export function createWorkerConnection(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name });
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
    redis.once('ready', () => { clearTimeout(timer); resolve(); });
  });
}
