import { describe, expect, it } from 'vitest';
import { clusterMasters, ownerOfSlot, parseClusterNodes, replicaOf, roleFlags } from './cluster-nodes.js';
import { RedisClusterError } from './redis-cluster.error.js';

// `CLUSTER NODES` of a 3+3 cluster as redis-server 7.0 prints it (one master failed over to its replica).
const VIEW = [
  'a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460',
  'b2 127.0.0.1:7002@17002 master - 0 1700000000000 2 connected 5461-10922',
  'c3 127.0.0.1:7003@17003 slave f6 0 1700000000000 7 connected',
  'd4 127.0.0.1:7004@17004 slave a1 0 1700000000000 1 connected',
  'e5 127.0.0.1:7005@17005 slave b2 0 1700000000000 2 connected',
  'f6 127.0.0.1:7006@17006 master - 0 1700000000000 7 connected 10923-16000 16001 16002-16383',
  '',
].join('\n');

describe('CLUSTER NODES', () => {
  it('parses ids, addresses without the bus port, flags, masters and slot ranges', () => {
    const entries = parseClusterNodes(VIEW);
    expect(entries).toHaveLength(6);
    expect(entries[0]).toEqual({
      id: 'a1',
      node: '127.0.0.1:7001',
      flags: 'myself,master',
      master: '-',
      slots: ['0-5460'],
    });
    expect(entries[2]).toEqual({ id: 'c3', node: '127.0.0.1:7003', flags: 'slave', master: 'f6', slots: [] });
  });

  it('finds masters, a slot’s owner (ranges and single slots), a master’s replica and a node’s role', () => {
    expect(clusterMasters(VIEW)).toEqual(['127.0.0.1:7001', '127.0.0.1:7002', '127.0.0.1:7006']);
    expect(ownerOfSlot(VIEW, 0)).toBe('127.0.0.1:7001');
    expect(ownerOfSlot(VIEW, 5461)).toBe('127.0.0.1:7002');
    expect(ownerOfSlot(VIEW, 16001)).toBe('127.0.0.1:7006');
    expect(ownerOfSlot(VIEW, 16383)).toBe('127.0.0.1:7006');
    expect(replicaOf(VIEW, '127.0.0.1:7006')).toBe('127.0.0.1:7003');
    expect(roleFlags(VIEW, '127.0.0.1:7004')).toBe('slave');
    expect(roleFlags(VIEW, '127.0.0.1:9999')).toBe('');
  });

  it('throws a RedisClusterError for an unserved slot or a master without replica', () => {
    const partial = 'a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-100\n';
    expect(() => ownerOfSlot(partial, 101)).toThrow(RedisClusterError);
    expect(() => replicaOf(partial, '127.0.0.1:7001')).toThrow(/no replica of 127.0.0.1:7001/);
  });
});
