/** The three BullMQ queues of the distributed runtime. */
export const QUEUE_NAMES = { reason: 'reason', thread: 'thread', join: 'join' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Worker roles map one-to-one onto queues. */
export const WORKER_ROLES = ['reason', 'thread', 'join'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/**
 * Default key prefix of queues and request records. The braces are a Redis Cluster hash tag: every
 * queue of a flow and every request key lands in the same slot (one "lane").
 */
export const DEFAULT_KEY_PREFIX = '{threadloom}';
