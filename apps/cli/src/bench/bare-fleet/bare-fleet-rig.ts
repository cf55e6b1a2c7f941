import { fileURLToPath } from 'node:url';
import { spawnNodeProcess, type SupervisedProcess } from '@threadloom/devstack';
import type { EngineRequest } from '@threadloom/threading';
import { FlowProducer, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { BareFlowRig, BareFlowShape } from '../orchestration-bare-flow.js';
import { BARE_QUEUES, BARE_READY_LINE, type BareFleetEnv } from './bare-fleet-env.js';
import { bareFlowTree } from './bare-flow-tree.js';

/** The thread work a fleet rig's children do: one streamed completion each on their machine's engine. */
interface BareThreadWork {
  /** One engine per child worker process (the stack's simulators), in machine order. */
  readonly engineUrls: readonly string[];
  readonly model: string;
  /** The thread requests of the probe's block, replayed by child index. */
  readonly requests: readonly EngineRequest[];
}

// Built, the worker is this file's sibling; from the TypeScript sources (specs), tsx runs its source.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_SCRIPT = fileURLToPath(new URL(`./bare-fleet-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
const SOURCE_ENV: Record<string, string> = FROM_SOURCE
  ? { NODE_OPTIONS: '--conditions=@threadloom/source --import tsx' }
  : {};

/** What the join process returns: when the parent finished, on the machine's wall clock. */
interface JoinReturn {
  readonly finishedAt: number;
}

/**
 * Bare flows on the fleet's process layout: one child-worker process per machine and one join-worker
 * process, as the runtime runs; with `work`, every child streams its thread's completion first.
 * Times run from before `FlowProducer.add` to the parent's finish as the join process saw it.
 */
export async function startBareFleetRig(
  redisUrl: string,
  shape: BareFlowShape,
  prefix: string,
  work?: BareThreadWork,
): Promise<BareFlowRig> {
  const base = { BARE_REDIS_URL: redisUrl, BARE_PREFIX: prefix, BARE_CONCURRENCY: String(shape.concurrency) };
  const envs: BareFleetEnv[] = [
    ...Array.from({ length: shape.childWorkers }, (_, index): BareFleetEnv => ({
      ...base,
      BARE_ROLE: 'child',
      ...childWork(work, index),
    })),
    { ...base, BARE_ROLE: 'join' },
  ];
  const processes = await startAll(envs);
  const connections = [0, 1].map(() => new Redis(redisUrl, { maxRetriesPerRequest: null }));
  const producer = new FlowProducer({ connection: connections[0]!, prefix });
  const events = new QueueEvents(BARE_QUEUES.join, { connection: connections[1]!, prefix });
  await events.waitUntilReady();
  const waiting = new Map<string, (finishedAt: number) => void>();
  events.on('completed', ({ jobId, returnvalue }) =>
    waiting.get(jobId)?.((returnvalue as unknown as JoinReturn).finishedAt),
  );
  const finished = (id: string): Promise<number> =>
    new Promise((resolve) =>
      waiting.set(id, (at) => {
        waiting.delete(id);
        resolve(at);
      }),
    );
  const run = async (flows: number): Promise<number> => {
    const trees = Array.from({ length: flows }, () => bareFlowTree(shape.children));
    const done = Promise.all(trees.map((tree) => finished(tree.opts?.jobId ?? '')));
    const started = performance.timeOrigin + performance.now();
    await (flows === 1 ? producer.add(trees[0]!) : producer.addBulk(trees));
    return Math.max(...(await done)) - started;
  };
  return {
    cycle: () => run(1),
    burst: (flows) => run(flows),
    async close() {
      await Promise.all(processes.map((child) => child.stop()));
      await events.close();
      await producer.close();
      for (const connection of connections) connection.disconnect();
    },
  };
}

function childWork(work: BareThreadWork | undefined, index: number): Partial<BareFleetEnv> {
  if (work === undefined) return {};
  return {
    BARE_ENGINE_URL: work.engineUrls[index % work.engineUrls.length] ?? '',
    BARE_MODEL: work.model,
    BARE_THREAD_REQUESTS: JSON.stringify(work.requests),
  };
}

async function startAll(envs: readonly BareFleetEnv[]): Promise<SupervisedProcess[]> {
  const results = await Promise.allSettled(
    envs.map((env) =>
      spawnNodeProcess(WORKER_SCRIPT, {
        env: { ...SOURCE_ENV, ...definedOnly(env) },
        ready: new RegExp(`^${BARE_READY_LINE}`),
      }),
    ),
  );
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(started.map((child) => child.stop()));
    throw failure.reason;
  }
  return started;
}

function definedOnly(env: BareFleetEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
