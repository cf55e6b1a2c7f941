import { randomUUID } from 'node:crypto';
import { FlowProducer, Worker, type FlowJob, type Job } from 'bullmq';
import { Redis } from 'ioredis';

/** The baseline: BullMQ flows of one parent and N children that do no work, in this process. */
export interface BareFlowRig {
  /** Milliseconds from adding one flow to its parent's completion. */
  cycle(): Promise<number>;
  /** Adds `flows` flows at once; resolves with the milliseconds until every parent completed. */
  burst(flows: number): Promise<number>;
  close(): Promise<void>;
}

/** Shape of the baseline: child count per flow, worker instances for children (one per "machine") and their concurrency. */
export interface BareFlowShape {
  readonly children: number;
  readonly childWorkers: number;
  readonly concurrency: number;
}

const PREFIX = '{threadloom-bench-bare}';
const JOB_OPTIONS = { attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true } as const;

/** Starts the baseline's workers on `redisUrl` (job options as the runtime's: retries, removal on completion). */
export function startBareFlowRig(redisUrl: string, shape: BareFlowShape): BareFlowRig {
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    connections.push(redis);
    return redis;
  };
  const waiting = new Map<string, () => void>();
  const options = { connection: connect(), prefix: PREFIX, concurrency: shape.concurrency };
  const childWorkers = Array.from({ length: shape.childWorkers }, () =>
    new Worker('bare-thread', () => Promise.resolve('done'), { ...options, connection: connect() }));
  const joinWorker = new Worker('bare-join', async (job: Job) => Object.keys(await job.getChildrenValues()).length, options);
  joinWorker.on('completed', (job: Job) => waiting.get(job.id ?? '')?.());
  const producer = new FlowProducer({ connection: connect(), prefix: PREFIX });

  const expect = (id: string): Promise<void> => new Promise((resolve) => waiting.set(id, () => {
    waiting.delete(id);
    resolve();
  }));
  return {
    async cycle() {
      const tree = flowTree(shape.children);
      const done = expect(tree.opts?.jobId ?? '');
      const started = performance.now();
      await producer.add(tree);
      await done;
      return performance.now() - started;
    },
    async burst(flows) {
      const trees = Array.from({ length: flows }, () => flowTree(shape.children));
      const done = Promise.all(trees.map((tree) => expect(tree.opts?.jobId ?? '')));
      const started = performance.now();
      await producer.addBulk(trees);
      await done;
      return performance.now() - started;
    },
    async close() {
      await Promise.all([...childWorkers, joinWorker].map((worker) => worker.close()));
      await producer.close();
      connections.forEach((redis) => redis.disconnect());
    },
  };
}

function flowTree(children: number): FlowJob {
  const id = randomUUID();
  return {
    name: 'join', queueName: 'bare-join', data: { id }, opts: { ...JOB_OPTIONS, jobId: id },
    children: Array.from({ length: children }, (_, index) => ({
      name: 'thread', queueName: 'bare-thread', data: { id, index },
      opts: { ...JOB_OPTIONS, jobId: `${id}-${index}`, ignoreDependencyOnFailure: true },
    })),
  };
}
