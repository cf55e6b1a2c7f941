// A real local Redis Cluster for system tests and benchmarks: redis-server processes with cluster mode
// on loopback ports, joined by `redis-cli --cluster create`.
import { setTimeout as sleep } from 'node:timers/promises';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clusterMasters, ownerOfSlot, parseClusterNodes, replicaOf, roleFlags } from './cluster-nodes.js';
import { findFreePort, portIsFree } from './free-port.js';
import { RedisClusterError } from './redis-cluster.error.js';
import { terminate } from './redis-launcher.js';

const run = promisify(execFile);

/** Shape of a local cluster. */
export interface RedisClusterOptions {
  /** Masters (the slots are split evenly over them). @defaultValue 3 */
  readonly masters?: number;
  /** Replicas per master. @defaultValue 1 */
  readonly replicas?: number;
}

export interface RunningCluster {
  /** `127.0.0.1:<port>` of every node (masters and replicas). */
  readonly nodes: readonly string[];
  /** A URL of one node (credentials/TLS carrier for clients; the seeds are `nodes`). */
  readonly url: string;
  /** Runs `redis-cli` against `node` and returns its stdout. */
  cli(node: string, ...args: string[]): Promise<string>;
  /** The masters now, in `CLUSTER NODES` order. */
  masters(): Promise<string[]>;
  /** The node serving `key`'s slot as master now. */
  masterOf(key: string): Promise<string>;
  /**
   * Gives an empty `slot` to `master` (IMPORTING/MIGRATING, then NODE on both and on every other master) and
   * waits until every node agrees: how a new lane's slot is placed before traffic reaches it.
   */
  assignSlot(slot: number, master: string): Promise<void>;
  /** Promotes a replica of `master` (CLUSTER FAILOVER on it) and waits until every node agrees; returns it. */
  failover(master: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the cluster and waits until its state is ok everywhere and every replica is in sync. */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RunningCluster> {
  const { masters = 3, replicas = 1 } = options;
  const dir = mkdtempSync(join(tmpdir(), 'threadloom-cluster-'));
  const ports: number[] = [];
  const children: ChildProcess[] = [];
  for (let i = 0; i < masters * (1 + replicas); i += 1) {
    const port = await findFreeNodePort();
    ports.push(port);
    children.push(startNode(port, join(dir, String(port))));
  }
  const nodes = ports.map((port) => `127.0.0.1:${port}`);
  const seed = nodes[0] ?? '';
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
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', String(replicas), '--cluster-yes']);
    for (const node of nodes)
      await until(async () => (await cli(node, 'CLUSTER', 'INFO')).includes('cluster_state:ok'));
    await until(async () => (await replicasInSync(cli, seed)) === masters * replicas);
  } catch (error) {
    await stop();
    throw error;
  }
  const masterOf = async (key: string): Promise<string> => {
    const slot = Number((await cli(seed, 'CLUSTER', 'KEYSLOT', key)).trim());
    return ownerOfSlot(await cli(seed, 'CLUSTER', 'NODES'), slot);
  };
  const ctx: Ctx = { cli, nodes, seed };
  const currentMasters = async (): Promise<string[]> => clusterMasters(await cli(seed, 'CLUSTER', 'NODES'));
  return {
    nodes,
    url: `redis://${seed}`,
    cli,
    masters: currentMasters,
    masterOf,
    assignSlot: (slot, master) => assignSlot(ctx, slot, master),
    failover: (master) => failover(ctx, master),
    stop,
  };
}

interface Ctx {
  readonly cli: RunningCluster['cli'];
  readonly nodes: readonly string[];
  readonly seed: string;
}

async function failover({ cli, nodes }: Ctx, master: string): Promise<string> {
  const replica = replicaOf(await cli(master, 'CLUSTER', 'NODES'), master);
  await cli(replica, 'CLUSTER', 'FAILOVER');
  await until(async () => (await cli(replica, 'ROLE')).startsWith('master'));
  // Gossip carries the new roles to the other nodes a moment later; wait until every node agrees.
  const agrees = (view: string): boolean =>
    roleFlags(view, replica).includes('master') && roleFlags(view, master).includes('slave');
  await until(async () =>
    (await Promise.all(nodes.map(async (node) => agrees(await cli(node, 'CLUSTER', 'NODES'))))).every(Boolean),
  );
  return replica;
}

async function assignSlot({ cli, nodes, seed }: Ctx, slot: number, master: string): Promise<void> {
  const view = await cli(seed, 'CLUSTER', 'NODES');
  const owner = ownerOfSlot(view, slot);
  if (owner === master) return;
  const idOf = (node: string): string => parseClusterNodes(view).find((entry) => entry.node === node)?.id ?? '';
  await cli(master, 'CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', idOf(owner));
  await cli(owner, 'CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', idOf(master));
  for (const node of [master, owner, ...clusterMasters(view).filter((m) => m !== master && m !== owner)])
    await cli(node, 'CLUSTER', 'SETSLOT', String(slot), 'NODE', idOf(master));
  await until(async () =>
    (await Promise.all(nodes.map(async (node) => servedBy(await cli(node, 'CLUSTER', 'NODES'), slot)))).every(
      (served) => served === master,
    ),
  );
}

/** The master of `slot` in `view`, or '' while the view names none (mid-move). */
function servedBy(view: string, slot: number): string {
  try {
    return ownerOfSlot(view, slot);
  } catch {
    return '';
  }
}

/** A node also listens on its port + 10000 (the cluster bus), so Redis refuses ports above 55535. */
const CLUSTER_BUS_OFFSET = 10_000;
const HIGHEST_PORT = 65_535;

/** A free port whose cluster bus port is valid and free too (the OS's ephemeral range reaches 60999). */
async function findFreeNodePort(): Promise<number> {
  for (;;) {
    const port = await findFreePort();
    const bus = port + CLUSTER_BUS_OFFSET;
    if (bus <= HIGHEST_PORT && (await portIsFree(bus))) return port;
  }
}

function startNode(port: number, dir: string): ChildProcess {
  mkdirSync(dir, { recursive: true });
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--cluster-enabled', 'yes'];
  args.push('--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000', '--save', '');
  args.push('--appendonly', 'yes', '--maxmemory-policy', 'noeviction');
  return spawn('redis-server', args, { stdio: 'ignore' });
}

async function replicasInSync(cli: RunningCluster['cli'], node: string): Promise<number> {
  const entries = parseClusterNodes(await cli(node, 'CLUSTER', 'NODES'));
  let synced = 0;
  for (const entry of entries.filter((e) => e.flags.split(',').includes('slave')))
    if ((await cli(entry.node, 'INFO', 'replication')).includes('master_link_status:up')) synced += 1;
  return synced;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new RedisClusterError(`condition not reached within ${timeoutMs} ms`);
    await sleep(100);
  }
}
