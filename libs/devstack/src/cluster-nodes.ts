// Reading `CLUSTER NODES` output: which node is master of which slots, and whose replica a node is.
import { RedisClusterError } from './redis-cluster.error.js';

/** One line of `CLUSTER NODES`. */
export interface ClusterNodeEntry {
  readonly id: string;
  /** `host:port` (the cluster bus port cut off). */
  readonly node: string;
  /** Comma-separated flags: `myself`, `master`, `slave`, `fail`, … */
  readonly flags: string;
  /** The master's id for a replica, `-` for a master. */
  readonly master: string;
  /** Slot ranges served (`0-5460`, `7000`); importing/migrating markers are kept as written. */
  readonly slots: readonly string[];
}

/** Parses `CLUSTER NODES`: id, address, flags, master id, ping, pong, epoch, link state, slot ranges. */
export function parseClusterNodes(text: string): ClusterNodeEntry[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => line.trim().split(' '))
    .map(([id = '', address = '', flags = '', master = '', , , , , ...slots]) => ({
      id,
      node: address.split('@')[0] ?? '',
      flags,
      master,
      slots,
    }));
}

/** The masters, in the order `CLUSTER NODES` lists them. */
export function clusterMasters(text: string): string[] {
  return parseClusterNodes(text)
    .filter((entry) => hasFlag(entry, 'master'))
    .map((entry) => entry.node);
}

/** The master serving `slot`. */
export function ownerOfSlot(text: string, slot: number): string {
  for (const entry of parseClusterNodes(text)) {
    if (!hasFlag(entry, 'master')) continue;
    for (const range of entry.slots) {
      const [from = -1, to = from] = range.split('-').map(Number);
      if (slot >= from && slot <= to) return entry.node;
    }
  }
  throw new RedisClusterError(`no master serves slot ${slot}`);
}

/** A replica of `master`. */
export function replicaOf(text: string, master: string): string {
  const entries = parseClusterNodes(text);
  const id = entries.find((entry) => entry.node === master)?.id;
  const replica = entries.find((entry) => entry.master === id && hasFlag(entry, 'slave'));
  if (replica === undefined) throw new RedisClusterError(`no replica of ${master}`);
  return replica.node;
}

/** The flags of `node` in this view ('' when the view does not list it). */
export function roleFlags(text: string, node: string): string {
  return parseClusterNodes(text).find((entry) => entry.node === node)?.flags ?? '';
}

function hasFlag(entry: ClusterNodeEntry, flag: string): boolean {
  return entry.flags.split(',').includes(flag);
}
