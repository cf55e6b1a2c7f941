import { z } from 'zod';
import { commaList } from './comma-list.js';

const SEEDS = /^\s*[^,:\s]+:\d+\s*(,\s*[^,:\s]+:\d+\s*)*$/;

/**
 * The Redis Cluster variable of every process that opens Redis connections (API, worker); merge into a
 * process's env schema. Unset: one Redis server at REDIS_URL. Set: the `host:port` seeds of a Redis
 * Cluster, parsed into a list; REDIS_URL then gives only credentials and TLS.
 */
export const redisClusterEnvShape = {
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(SEEDS, 'must be host:port[,host:port…]')
    .optional()
    .transform((value) => commaList(value)),
};
