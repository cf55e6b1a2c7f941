/** A local Redis Cluster did not reach the state asked of it (started, joined, failed over) or has no such node. */
export class RedisClusterError extends Error {
  override readonly name = 'RedisClusterError';
}
