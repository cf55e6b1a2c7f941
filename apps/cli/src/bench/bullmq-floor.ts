import { randomUUID } from 'node:crypto';
import { readRedisUsage, usageDelta } from '@threadloom/devstack';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { BARE_JOB_OPTIONS } from './bare-fleet/bare-fleet-env.js';
import { bullmqConnections } from './bare-fleet/bullmq-connections.js';
import { startBareFlowRig } from './orchestration-bare-flow.js';
import type { RedisUnderTest } from './redis-per-request.js';

/** BullMQ's own Redis commands for one job and one 4-child flow: no work, no runtime, the fleet's worker shape. */
export interface BullmqFloor {
  /** Commands per plain job (add, fetch, finish with removal, the empty fetches of the other workers). */
  readonly perJob: number;
  /** Commands per flow of a parent and 4 children, the parent reading its children's values. */
  readonly perFlow: number;
}

const WORKERS = 3;
const CONCURRENCY = 32;
const CHILDREN = 4;
const PREFIX = '{threadloom-bench-floor}';

/**
 * Counts what BullMQ alone costs Redis for the jobs a request is made of, one job (or flow) at a time as a
 * request's steps come: INFO commandstats deltas over `samples` jobs, then over `samples` flows, ÷ samples.
 * Nothing else may use the server meanwhile.
 */
export async function measureBullmqFloor(redis: RedisUnderTest, samples: number): Promise<BullmqFloor> {
  const perJob = await commandsPer(redis.node, samples, await plainJobRig(redis.url));
  const flows = startBareFlowRig(redis.url, { children: CHILDREN, childWorkers: WORKERS, concurrency: CONCURRENCY });
  const perFlow = await commandsPer(redis.node, samples, { cycle: () => flows.cycle(), close: () => flows.close() });
  return { perJob, perFlow };
}

interface CycleRig {
  cycle(): Promise<unknown>;
  close(): Promise<void>;
}

async function commandsPer(node: string, samples: number, rig: CycleRig): Promise<number> {
  try {
    await rig.cycle(); // warm-up: scripts loaded, workers blocking on the marker
    const before = await readRedisUsage(node);
    for (let i = 0; i < samples; i += 1) await rig.cycle();
    return usageDelta(before, await readRedisUsage(node)).calls / samples;
  } finally {
    await rig.close();
  }
}

/** A queue of no-op jobs with the runtime's job options, served by the fleet's number of workers. */
async function plainJobRig(url: string): Promise<CycleRig> {
  const connections = bullmqConnections(url);
  const connect = (): Redis => connections.open();
  const waiting = new Map<string, () => void>();
  const options = { prefix: PREFIX, concurrency: CONCURRENCY };
  const workers = Array.from({ length: WORKERS }, () => {
    const worker = new Worker('bare-step', () => Promise.resolve('done'), { ...options, connection: connect() });
    worker.on('completed', (job) => waiting.get(job.id ?? '')?.());
    return worker;
  });
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  const queue = new Queue('bare-step', { prefix: PREFIX, connection: connect() });
  return {
    async cycle() {
      const jobId = randomUUID();
      const done = new Promise<void>((resolve) => waiting.set(jobId, resolve));
      await queue.add('step', {}, { ...BARE_JOB_OPTIONS, jobId });
      await done;
      waiting.delete(jobId);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queue.close();
      connections.dropAll();
    },
  };
}
