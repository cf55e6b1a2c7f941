import { FlowProducer, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullmqConnections } from './bare-fleet/bullmq-connections.js';
import { BARE_QUEUES } from './bare-fleet/bare-fleet-env.js';
import { bareFlowTree } from './bare-fleet/bare-flow-tree.js';

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

/** Starts the baseline's workers on `redisUrl` (job options as the runtime's: retries, removal on completion). */
export function startBareFlowRig(redisUrl: string, shape: BareFlowShape): BareFlowRig {
  const connections = bullmqConnections(redisUrl);
  const connect = (): Redis => connections.open();
  const waiting = new Map<string, () => void>();
  const options = { connection: connect(), prefix: PREFIX, concurrency: shape.concurrency };
  const childWorkers = Array.from(
    { length: shape.childWorkers },
    () => new Worker(BARE_QUEUES.child, () => Promise.resolve('done'), { ...options, connection: connect() }),
  );
  const joinWorker = new Worker(
    BARE_QUEUES.join,
    async (job: Job) => Object.keys(await job.getChildrenValues()).length,
    options,
  );
  joinWorker.on('completed', (job: Job) => waiting.get(job.id ?? '')?.());
  const producer = new FlowProducer({ connection: connect(), prefix: PREFIX });

  const expect = (id: string): Promise<void> =>
    new Promise((resolve) =>
      waiting.set(id, () => {
        waiting.delete(id);
        resolve();
      }),
    );
  return {
    async cycle() {
      const tree = bareFlowTree(shape.children);
      const done = expect(tree.opts?.jobId ?? '');
      const started = performance.now();
      await producer.add(tree);
      await done;
      return performance.now() - started;
    },
    async burst(flows) {
      const trees = Array.from({ length: flows }, () => bareFlowTree(shape.children));
      const done = Promise.all(trees.map((tree) => expect(tree.opts?.jobId ?? '')));
      const started = performance.now();
      await producer.addBulk(trees);
      await done;
      return performance.now() - started;
    },
    async close() {
      await Promise.all([...childWorkers, joinWorker].map((worker) => worker.close()));
      await producer.close();
      connections.dropAll();
    },
  };
}
