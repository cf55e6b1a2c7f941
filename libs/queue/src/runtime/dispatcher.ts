import { jobIds, QUEUE_NAMES, type JoinJobData, type ReasonJobData, type ThreadJobData } from '@threadloom/contracts';
import type { FlowProducer, Queue } from 'bullmq';
import type { Checkpoint } from '../store/checkpoint.js';
import { retryingJob, threadChildJob, type JobPolicy } from './job-options.js';

/** Queues and flow producer the runtime adds jobs through (all under one hash-tag prefix). */
export interface DispatchTargets {
  readonly reason: Queue<ReasonJobData>;
  /** Created with the same prefix as the queues: a flow's queues must share one hash tag. */
  readonly flow: FlowProducer;
  readonly policy: JobPolicy;
}

/**
 * Turns a saved checkpoint's action into jobs. Every job id is deterministic, so redoing a dispatch
 * after a crash adds nothing twice. `done` is left to the caller (the finisher).
 */
export async function dispatch(
  targets: DispatchTargets,
  requestId: string,
  checkpoint: Checkpoint,
  priority?: number,
): Promise<void> {
  const { action, version } = checkpoint;
  switch (action.type) {
    case 'decode':
      await targets.reason.add(
        'reason',
        { requestId, step: version },
        retryingJob(targets.policy, jobIds.reason(requestId, version), priority),
      );
      return;
    case 'fork':
      await addForkFlow(
        targets,
        requestId,
        version,
        action.blockIndex,
        action.threads.map((thread) => thread.number),
        priority,
      );
      return;
    case 'done':
      return;
  }
}

async function addForkFlow(
  targets: DispatchTargets,
  requestId: string,
  version: number,
  block: number,
  numbers: readonly string[],
  priority?: number,
): Promise<void> {
  const enqueuedAt = Date.now();
  const joinData: JoinJobData = { requestId, block, version };
  await targets.flow.add({
    name: 'join',
    queueName: QUEUE_NAMES.join,
    data: joinData,
    opts: retryingJob(targets.policy, jobIds.join(requestId, block), priority),
    children: numbers.map((number, index) => ({
      name: 'thread',
      queueName: QUEUE_NAMES.thread,
      data: { requestId, block, index, number, enqueuedAt } satisfies ThreadJobData,
      opts: threadChildJob(targets.policy, jobIds.thread(requestId, block, index), priority),
    })),
  });
}
