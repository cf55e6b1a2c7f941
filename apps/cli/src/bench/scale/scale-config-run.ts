import { setTimeout as sleep } from 'node:timers/promises';
import {
  readRedisUsage,
  usageDelta,
  type RedisUsage,
  type RedisUsageDelta,
  type RunningCluster,
} from '@threadloom/devstack';
import { allLanes, laneOfRequest, lanePrefix } from '@threadloom/contracts';
import { createWorkerConnection, RedisReasoningClient } from '@threadloom/queue';
import { startLocalStack, type LocalStack } from '../../stack/local-stack.js';
import { retrySettings } from '../../stack/retry-settings.js';
import { processCpuSeconds } from './process-cpu.js';
import { forkProblem } from './scale-corpus.js';
import { measureMemory } from './scale-memory.js';
import { runWaves } from './scale-load.js';
import type { ConfigSample, MemorySample, ProcessCpu } from './scale-sample.js';

/** One lane configuration of the run. */
export interface ScaleConfig {
  readonly label: string;
  readonly lanes: number;
  /** Give lane i's slot to master i mod masters before the run (new lanes' slots are empty then). */
  readonly placeOnMasters: boolean;
  /** Threads of the request's one block. */
  readonly threads: number;
  /** Requests measured, when not the run's size. */
  readonly requests?: number;
  /** Also measure Redis memory per request (once per run is enough: it does not depend on lanes). */
  readonly memory: boolean;
}

/** How much each configuration does. */
export interface ScaleSizes {
  readonly machines: number;
  readonly concurrency: number;
  readonly warmUp: number;
  readonly idleSeconds: number;
  readonly requests: number;
  readonly wave: number;
  readonly memoryRequests: number;
}

/** The key prefix every configuration uses: the default, so lanes land where a user's would. */
const SCALE_PREFIX = '{threadloom}';

/** Runs one configuration on a flushed cluster: its own workers and simulators, warm-up, idle window, load window. */
export async function runConfig(
  cluster: RunningCluster,
  config: ScaleConfig,
  sizes: ScaleSizes,
  corpus: string,
): Promise<ConfigSample> {
  const masters = await cluster.masters();
  await Promise.all(masters.map((node) => cluster.cli(node, 'FLUSHALL')));
  if (config.placeOnMasters) await placeLanes(cluster, masters, config.lanes);
  const laneMasters = await Promise.all(
    allLanes(config.lanes).map((lane) => cluster.masterOf(lanePrefix(SCALE_PREFIX, lane))),
  );
  const stack = await startLocalStack({
    machines: sizes.machines,
    timeScale: 0,
    redisUrl: cluster.url,
    corpus,
    concurrency: sizes.concurrency,
    keyPrefix: SCALE_PREFIX,
    workerEnv: { LANES: String(config.lanes), REDIS_CLUSTER_NODES: cluster.nodes.join(',') },
  });
  const target = {
    redisUrl: cluster.url,
    redisClusterNodes: cluster.nodes,
    keyPrefix: SCALE_PREFIX,
    lanes: config.lanes,
  };
  const client = await new RedisReasoningClient({ ...target, retry: retrySettings() }).connect();
  try {
    await runWaves(client, forkProblem(config.threads), sizes.warmUp, sizes.wave);
    const window = await measureWindow(
      masters,
      stack,
      client,
      { ...sizes, requests: config.requests ?? sizes.requests },
      config.threads,
    );
    const sample: ConfigSample = {
      label: config.label,
      lanes: config.lanes,
      requests: window.ids.length,
      requestsByLane: allLanes(config.lanes).map(
        (lane) => window.ids.filter((id) => laneOfRequest(id) === lane).length,
      ),
      threadsPerRequest: config.threads,
      windowSeconds: window.seconds,
      masters: masters.map((node, i) => ({
        node,
        lanes: allLanes(config.lanes).filter((lane) => laneMasters[lane] === node),
        delta: window.deltas[i]!,
        idleCpuPerSecond: window.idle[i]!,
      })),
      processes: window.processes,
    };
    return config.memory ? { ...sample, memory: await memoryOf(cluster, client, masters, config, sizes) } : sample;
  } finally {
    await client.close();
    await stack.stop();
  }
}

/** The idle window, then the load window between two readings of every master and of the fleet's processes. */
async function measureWindow(
  masters: readonly string[],
  stack: LocalStack,
  client: RedisReasoningClient,
  sizes: ScaleSizes,
  threads: number,
): Promise<{ idle: number[]; deltas: RedisUsageDelta[]; processes: ProcessCpu[]; ids: string[]; seconds: number }> {
  const idle = await idleRates(masters, sizes.idleSeconds);
  const before = await readAll(masters);
  const cpuBefore = processGroups(stack);
  const started = performance.now();
  const ids = await runWaves(client, forkProblem(threads), sizes.requests, sizes.wave);
  const seconds = (performance.now() - started) / 1000;
  const after = await readAll(masters);
  const processes = processGroups(stack).map((group, i) => ({
    role: group.role,
    cpuSeconds: group.cpuSeconds - (cpuBefore[i]?.cpuSeconds ?? 0),
  }));
  return { idle, deltas: masters.map((_, i) => usageDelta(before[i]!, after[i]!)), processes, ids, seconds };
}

async function memoryOf(
  cluster: RunningCluster,
  client: RedisReasoningClient,
  masters: readonly string[],
  config: ScaleConfig,
  sizes: ScaleSizes,
): Promise<MemorySample> {
  const connection = createWorkerConnection({ url: cluster.url, clusterNodes: cluster.nodes }, 'scale-bench');
  try {
    const target = { masters, keyPrefix: SCALE_PREFIX, lanes: config.lanes };
    const problem = { text: forkProblem(config.threads), threads: config.threads };
    return await measureMemory(client, connection, target, problem, sizes.memoryRequests);
  } finally {
    connection.disconnect();
  }
}

/** Lane i's slot goes to master i mod masters. */
async function placeLanes(cluster: RunningCluster, masters: readonly string[], lanes: number): Promise<void> {
  for (const lane of allLanes(lanes)) {
    const slot = Number((await cluster.cli(masters[0]!, 'CLUSTER', 'KEYSLOT', lanePrefix(SCALE_PREFIX, lane))).trim());
    await cluster.assignSlot(slot, masters[lane % masters.length]!);
  }
}

function readAll(masters: readonly string[]): Promise<RedisUsage[]> {
  return Promise.all(masters.map((node) => readRedisUsage(node)));
}

/** Each master's CPU seconds per second over `seconds` with the fleet connected and idle. */
async function idleRates(masters: readonly string[], seconds: number): Promise<number[]> {
  const before = await readAll(masters);
  const started = performance.now();
  await sleep(seconds * 1000);
  const after = await readAll(masters);
  const elapsed = (performance.now() - started) / 1000;
  return masters.map((_, i) => (after[i]!.cpuSeconds - before[i]!.cpuSeconds) / elapsed);
}

/** CPU seconds so far of the stack's processes, by role, and of this process (the producer). */
function processGroups(stack: LocalStack): ProcessCpu[] {
  const role = (name: string): string =>
    name.startsWith('engine-sim') ? 'simulators' : name === 'worker join' ? 'join worker' : 'reason+thread workers';
  const groups = new Map<string, number>([
    ['reason+thread workers', 0],
    ['join worker', 0],
    ['simulators', 0],
  ]);
  for (const child of stack.children)
    groups.set(role(child.name), (groups.get(role(child.name)) ?? 0) + processCpuSeconds(child.current()?.pid));
  const own = process.cpuUsage();
  groups.set('producer (bench process)', (own.user + own.system) / 1e6);
  return [...groups.entries()].map(([name, cpuSeconds]) => ({ role: name, cpuSeconds }));
}
