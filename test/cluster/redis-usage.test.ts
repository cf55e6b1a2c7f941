// The usage reader the scale benchmark relies on, against a real 3-master cluster: each master's
// command delta is exactly what was sent to it, the reader's own INFO calls are not counted.
import { readRedisUsage, usageDelta } from '@threadloom/devstack';
import { describe, expect, it } from 'vitest';
import { useRedisCluster } from '../support/redis-cluster.js';

describe('redis usage readings on a cluster', () => {
  const cluster = useRedisCluster({ masters: 3, replicas: 0 });

  it('attributes every command to the master that ran it, and nothing to the observer', async () => {
    const masters = await cluster().masters();
    expect(masters).toHaveLength(3);
    // One hash-tagged key per master, found before the first reading (CLUSTER calls would count).
    const keyOf = new Map<string, string>();
    for (let i = 0; keyOf.size < masters.length; i += 1) {
      const key = `{usage-${i}}:k`;
      const owner = await cluster().masterOf(key);
      if (!keyOf.has(owner)) keyOf.set(owner, key);
    }
    const before = await Promise.all(masters.map((node) => readRedisUsage(node)));
    const untouched = await Promise.all(masters.map((node) => readRedisUsage(node)));
    for (const [i] of masters.entries()) expect(usageDelta(before[i]!, untouched[i]!).calls).toBe(0);
    for (const [i, node] of masters.entries()) {
      for (let n = 0; n < (i + 1) * 3; n += 1)
        await cluster().cli(node, 'SET', `${keyOf.get(node)}${n}`, 'x'.repeat(1_000));
      await cluster().cli(node, 'GET', keyOf.get(node)!);
    }
    const after = await Promise.all(masters.map((node) => readRedisUsage(node)));
    for (const [i] of masters.entries()) {
      const delta = usageDelta(before[i]!, after[i]!);
      expect(Object.keys(delta.commands).sort()).toEqual(['get', 'set']);
      expect(delta.commands['set']?.calls).toBe((i + 1) * 3);
      expect(delta.commands['get']?.calls).toBe(1);
      expect(delta.calls).toBe((i + 1) * 3 + 1);
      expect(delta.usec).toBeGreaterThan(0);
      expect(delta.cpuSeconds).toBeGreaterThanOrEqual(0);
      expect(delta.memoryBytes).toBeGreaterThanOrEqual((i + 1) * 3 * 1_000);
    }
  }, 60_000);

  it('gives an empty slot to another master, and every node routes it there', async () => {
    const key = '{usage-move}:k';
    const slot = Number((await cluster().cli(cluster().nodes[0]!, 'CLUSTER', 'KEYSLOT', key)).trim());
    const owner = await cluster().masterOf(key);
    const target = (await cluster().masters()).find((node) => node !== owner)!;
    await cluster().assignSlot(slot, target);
    expect(await cluster().masterOf(key)).toBe(target);
    expect((await cluster().cli(target, 'SET', key, 'here')).trim()).toBe('OK');
    expect((await cluster().cli(owner, 'SET', key, 'there')).trim()).toMatch(/^MOVED \d+ /);
  }, 60_000);
});
