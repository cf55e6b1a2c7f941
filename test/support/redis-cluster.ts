import { startRedisCluster, type RedisClusterOptions, type RunningCluster } from '@threadloom/devstack';
import { afterAll, beforeAll } from 'vitest';

/**
 * A real Redis Cluster for the enclosing suite: started before its first hook that comes after this call,
 * stopped after every later `afterAll` (hooks unwind in reverse order), so processes using it stop first.
 * Returns the running cluster (throws when read before it started).
 */
export function useRedisCluster(options: RedisClusterOptions): () => RunningCluster {
  let cluster: RunningCluster | undefined;
  beforeAll(async () => {
    cluster = await startRedisCluster(options);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (cluster === undefined) throw new Error('the Redis Cluster is not running (read it in a hook or a test)');
    return cluster;
  };
}
