import { randomUUID } from 'node:crypto';
import type { FlowJob } from 'bullmq';
import { BARE_JOB_OPTIONS, BARE_QUEUES } from './bare-fleet-env.js';

/** One bare flow: a `join` parent and `children` thread children, deterministic ids like the runtime's. */
export function bareFlowTree(children: number): FlowJob {
  const id = randomUUID();
  return {
    name: 'join',
    queueName: BARE_QUEUES.join,
    data: { id },
    opts: { ...BARE_JOB_OPTIONS, jobId: id },
    children: Array.from({ length: children }, (_, index) => ({
      name: 'thread',
      queueName: BARE_QUEUES.child,
      data: { id, index },
      opts: { ...BARE_JOB_OPTIONS, jobId: `${id}-${index}`, ignoreDependencyOnFailure: true },
    })),
  };
}
