import { startRedisServer, type RunningRedis } from '@threadloom/devstack';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBareFleetRig } from './bare-fleet-rig.js';

describe('bare fleet rig (the orchestration bench baseline on the fleet process layout)', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('runs flows through separate child and join worker processes and times each to the parent finishing', async () => {
    const rig = await startBareFleetRig(redis.url, { children: 4, childWorkers: 2, concurrency: 4 }, '{bare-spec}');
    try {
      const cycle = await rig.cycle();
      const burst = await rig.burst(20);
      expect(cycle).toBeGreaterThan(0);
      expect(cycle).toBeLessThan(10_000);
      expect(burst).toBeGreaterThan(0);
    } finally {
      await rig.close();
    }
    // Completed jobs are removed, as the runtime's are: nothing of the 21 flows stays waiting or active.
    const client = new Redis(redis.url);
    const left = await client.keys('{bare-spec}:bare-*:wait');
    const active = await Promise.all(
      ['bare-thread', 'bare-join'].map((queue) => client.llen(`{bare-spec}:${queue}:active`)),
    );
    client.disconnect();
    expect(left).toEqual([]);
    expect(active).toEqual([0, 0]);
  }, 60_000);
});
