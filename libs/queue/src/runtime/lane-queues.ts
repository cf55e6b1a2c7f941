import { lanePrefix, laneOfRequest, QUEUE_NAMES, type ReasonJobData } from '@threadloom/contracts';
import { FlowProducer, Queue } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { DispatchTargets } from './dispatcher.js';
import type { JobPolicy } from './job-options.js';

/** The BullMQ handles of one lane, all under the lane's prefix (one hash tag, so a flow stays in one slot). */
export interface LaneHandles {
  readonly lane: number;
  readonly prefix: string;
  readonly reason: Queue<ReasonJobData>;
  readonly thread: Queue;
  readonly join: Queue;
  /** Created with the lane's prefix: a flow's queues must share one hash tag. */
  readonly flow: FlowProducer;
}

/** Queues and flow producers of every lane over one shared connection, created on first use. */
export class LaneQueues {
  readonly keyPrefix: string;
  readonly policy: JobPolicy;
  private readonly connection: Redis | Cluster;
  private readonly handles = new Map<number, LaneHandles>();

  constructor(connection: Redis | Cluster, keyPrefix: string, policy: JobPolicy) {
    this.connection = connection;
    this.keyPrefix = keyPrefix;
    this.policy = policy;
  }

  /** The handles of `lane`. */
  lane(lane: number): LaneHandles {
    const existing = this.handles.get(lane);
    if (existing !== undefined) return existing;
    const connection = this.connection;
    const prefix = lanePrefix(this.keyPrefix, lane);
    const created: LaneHandles = {
      lane,
      prefix,
      reason: new Queue<ReasonJobData>(QUEUE_NAMES.reason, { connection, prefix }),
      thread: new Queue(QUEUE_NAMES.thread, { connection, prefix }),
      join: new Queue(QUEUE_NAMES.join, { connection, prefix }),
      flow: new FlowProducer({ connection, prefix }),
    };
    this.handles.set(lane, created);
    return created;
  }

  /** The handles of the lane request `requestId` lives in. */
  forRequest(requestId: string): LaneHandles {
    return this.lane(laneOfRequest(requestId));
  }

  /** Where the jobs of request `requestId` are added. */
  targets(requestId: string): DispatchTargets {
    const { reason, flow } = this.forRequest(requestId);
    return { reason, flow, policy: this.policy };
  }

  /** Closes every handle created so far (the shared connection stays open). */
  async close(): Promise<void> {
    const all = [...this.handles.values()].flatMap((h) => [
      h.reason.close(),
      h.thread.close(),
      h.join.close(),
      h.flow.close(),
    ]);
    await Promise.allSettled(all);
  }
}
