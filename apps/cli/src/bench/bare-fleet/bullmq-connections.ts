import { Redis } from 'ioredis';

/** Connections for a bench rig's BullMQ queues and workers, opened as needed and dropped together. */
export interface BullmqConnections {
  /** A new connection as BullMQ workers need it (no per-request retry limit). */
  open(): Redis;
  /** Disconnects every connection opened so far. */
  dropAll(): void;
}

export function bullmqConnections(redisUrl: string): BullmqConnections {
  const opened: Redis[] = [];
  return {
    open() {
      const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
      opened.push(connection);
      return connection;
    },
    dropAll() {
      opened.forEach((connection) => connection.disconnect());
    },
  };
}
