import {
  jobIds,
  QUEUE_NAMES,
  type JoinJobData,
  type ReasonJobData,
  type ThreadJobData,
  type TraceCarrierData,
} from '@threadloom/contracts';
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

/** What every job of a request carries besides its ids. */
export interface DispatchOptions {
  readonly priority?: number | undefined;
  /** The request's workflow span, so each job's span joins the request's trace. */
  readonly trace?: TraceCarrierData | undefined;
}

/**
 * Turns a saved checkpoint's action into jobs. Every job id is deterministic, so redoing a dispatch
 * after a crash adds nothing twice. `done` is left to the caller (the finisher).
 */
export async function dispatch(
  targets: DispatchTargets,
  requestId: string,
  checkpoint: Checkpoint,
  options: DispatchOptions = {},
): Promise<void> {
  const { action, version } = checkpoint;
  const { priority, trace } = options;
  const traced = trace === undefined ? {} : { trace };
  switch (action.type) {
    case 'decode':
      await targets.reason.add(
        'reason',
        { requestId, step: version, ...traced },
        retryingJob(targets.policy, 'reason', jobIds.reason(requestId, version), priority),
      );
      return;
    case 'fork':
      await addForkFlow(
        targets,
        requestId,
        version,
        action.blockIndex,
        action.threads.map((thread) => thread.number),
        options,
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
  { priority, trace }: DispatchOptions,
): Promise<void> {
  const enqueuedAt = Date.now();
  const traced = trace === undefined ? {} : { trace };
  const joinData: JoinJobData = { requestId, block, version, ...traced };
  await targets.flow.add({
    name: 'join',
    queueName: QUEUE_NAMES.join,
    data: joinData,
    opts: retryingJob(targets.policy, 'join', jobIds.join(requestId, block), priority),
    children: numbers.map((number, index) => ({
      name: 'thread',
      queueName: QUEUE_NAMES.thread,
      data: { requestId, block, index, number, enqueuedAt, ...traced } satisfies ThreadJobData,
      opts: threadChildJob(targets.policy, jobIds.thread(requestId, block, index), priority),
    })),
  });
}
