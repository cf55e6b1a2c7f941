// The store's Lua scripts go by EVALSHA and fall back to EVAL when Redis lost its script cache
// (SCRIPT FLUSH, a restart, a replica promoted by a failover).
import { RequestStore } from '@threadloom/queue';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const PREFIX = '{tl-scripts}';
const LEASE_MS = 60_000;

describe('store scripts', () => {
  let redis: Redis;
  let store: RequestStore;

  beforeAll(() => {
    redis = new Redis(inject('redisUrl'));
    store = new RequestStore(redis, PREFIX);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('keep answering on the same connection after Redis flushed its script cache', async () => {
    expect(await store.acquireSlot('r1', 'a', LEASE_MS, 2)).toBe(true);
    expect(await store.acquireSlot('r1', 'b', LEASE_MS, 2)).toBe(true);
    await redis.script('FLUSH');
    expect(await cachedScripts(redis)).toBe(0);
    expect(await store.acquireSlot('r1', 'c', LEASE_MS, 2)).toBe(false);
    expect(await cachedScripts(redis)).toBe(1);
    await store.releaseSlot('r1', 'a');
    expect(await store.acquireSlot('r1', 'c', LEASE_MS, 2)).toBe(true);
    expect(await redis.zrange(store.keys('r1').slots, 0, -1)).toEqual(['b', 'c']);
  });
});

/** Scripts in the server's cache (`INFO memory`). */
async function cachedScripts(redis: Redis): Promise<number> {
  const match = /number_of_cached_scripts:(\d+)/.exec(await redis.info('memory'));
  return Number(match?.[1]);
}
