import type { Cluster, Redis } from 'ioredis';

/** A connection to one Redis or to a Redis Cluster (every key of a lane shares one slot, so both serve alike). */
export type RedisClient = Redis | Cluster;
