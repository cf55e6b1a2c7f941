// A real local Redis Cluster for system tests: 2×masters redis-server processes with cluster mode on
// loopback ports, joined by `redis-cli --cluster create --cluster-replicas 1`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort, terminate } from '@threadloom/devstack';

const run = promisify(execFile);

export interface RunningCluster {
  /** `127.0.0.1:<port>` of every node (masters and replicas). */
  readonly nodes: readonly string[];
  /** A URL of one node (credentials/TLS carrier for clients; the seeds are `nodes`). */
  readonly url: string;
  /** Runs `redis-cli` against `node` and returns its stdout. */
  cli(node: string, ...args: string[]): Promise<string>;
  /** The node serving `key`'s slot as master now. */
  masterOf(key: string): Promise<string>;
  /** Promotes a replica of `master` (CLUSTER FAILOVER on it) and waits until it serves as master; returns it. */
  failover(master: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts `masters` masters with one replica each and waits until the cluster state is ok everywhere. */
export async function startRedisCluster(masters = 3): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-cluster-'));
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  for (let i = 0; i < masters * 2; i += 1) {
    const port = await findFreePort();
    ports.push(port);
    children.push(startNode(port, join(dir, String(port))));
  }
  const nodes = ports.map((port) => `127.0.0.1:${port}`);
  const cli = async (node: string, ...args: string[]): Promise<string> => {
    const [host = '', port = ''] = node.split(':');
    return (await run('redis-cli', ['-h', host, '-p', port, ...args])).stdout;
  };
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((child) => terminate(child, 2_000)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const node of nodes) await until(async () => (await cli(node, 'PING').catch(() => '')).trim() === 'PONG');
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '1', '--cluster-yes']);
    for (const node of nodes)
      await until(async () => (await cli(node, 'CLUSTER', 'INFO')).includes('cluster_state:ok'));
    await until(async () => (await replicasInSync(cli, nodes[0]!)) === masters);
  } catch (error) {
    await stop();
    throw error;
  }
  const masterOf = async (key: string): Promise<string> => {
    const slot = Number((await cli(nodes[0]!, 'CLUSTER', 'KEYSLOT', key)).trim());
    return ownerOf(await cli(nodes[0]!, 'CLUSTER', 'NODES'), slot);
  };
  const failover = async (master: string): Promise<string> => {
    const replica = replicaOf(await cli(master, 'CLUSTER', 'NODES'), master);
    await cli(replica, 'CLUSTER', 'FAILOVER');
    await until(async () => (await cli(replica, 'ROLE')).startsWith('master'));
    // Gossip carries the new roles to the other nodes a moment later; wait until every node agrees.
    await until(async () =>
      (await Promise.all(nodes.map((node) => agreesOnFailover(cli, node, master, replica)))).every(Boolean),
    );
    return replica;
  };
  return { nodes, url: `redis://${nodes[0]}`, cli, masterOf, failover, stop };
}

function startNode(port: number, dir: string): ChildProcess {
  mkdirSync(dir, { recursive: true });
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes'];
  args.push('--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000', '--save', '');
  args.push('--appendonly', 'yes', '--maxmemory-policy', 'noeviction');
  return spawn('redis-server', args, { stdio: 'ignore' });
}

/** `CLUSTER NODES` lines: id, address, flags, master id, …, slot ranges. */
function parseNodes(text: string): { id: string; node: string; flags: string; master: string; slots: string[] }[] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(' '))
    .map(([id = '', address = '', flags = '', master = '', , , , , ...slots]) => ({
      id,
      node: address.split('@')[0]!,
      flags,
      master,
      slots,
    }));
}

function ownerOf(text: string, slot: number): string {
  for (const entry of parseNodes(text)) {
    if (!entry.flags.includes('master')) continue;
    for (const range of entry.slots) {
      const [from = -1, to = from] = range.split('-').map(Number);
      if (slot >= from && slot <= to) return entry.node;
    }
  }
  throw new Error(`no master serves slot ${slot}`);
}

function replicaOf(text: string, master: string): string {
  const entries = parseNodes(text);
  const id = entries.find((entry) => entry.node === master)?.id;
  const replica = entries.find((entry) => entry.master === id && entry.flags.includes('slave'));
  if (replica === undefined) throw new Error(`no replica of ${master}`);
  return replica.node;
}

async function agreesOnFailover(
  cli: RunningCluster['cli'],
  node: string,
  oldMaster: string,
  newMaster: string,
): Promise<boolean> {
  const entries = parseNodes(await cli(node, 'CLUSTER', 'NODES'));
  const role = (address: string): string => entries.find((entry) => entry.node === address)?.flags ?? '';
  return role(newMaster).includes('master') && role(oldMaster).includes('slave');
}

async function replicasInSync(cli: RunningCluster['cli'], node: string): Promise<number> {
  const entries = parseNodes(await cli(node, 'CLUSTER', 'NODES'));
  let synced = 0;
  for (const entry of entries.filter((e) => e.flags.includes('slave')))
    if ((await cli(entry.node, 'INFO', 'replication')).includes('master_link_status:up')) synced += 1;
  return synced;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('redis cluster: condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
