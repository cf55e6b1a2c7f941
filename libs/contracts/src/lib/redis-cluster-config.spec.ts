import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { redisClusterEnvShape } from './redis-cluster-config.js';

describe('redis cluster configuration', () => {
  const schema = z.object(redisClusterEnvShape);

  it('is one server when unset, and the trimmed seed list when set', () => {
    expect(schema.parse({}).REDIS_CLUSTER_NODES).toEqual([]);
    expect(schema.parse({ REDIS_CLUSTER_NODES: ' redis-0:6379, 10.0.0.2:7001 ' }).REDIS_CLUSTER_NODES).toEqual([
      'redis-0:6379',
      '10.0.0.2:7001',
    ]);
  });

  it('refuses a seed without a numeric port', () => {
    for (const bad of ['redis-0', 'redis-0:port', 'a:1,,b:2', 'redis://a:1'])
      expect(schema.safeParse({ REDIS_CLUSTER_NODES: bad }).success, bad).toBe(false);
  });
});
