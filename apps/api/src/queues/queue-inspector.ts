import type { Queue } from 'bullmq';

/** Read-only view of the runtime's queues: backlog for admission, reachability for readiness, queues for Bull Board. */
export interface QueueInspector {
  /** Requests waiting to start: waiting + prioritized + delayed jobs of the reason queue. */
  backlog(): Promise<number>;
  /** Throws unless Redis answers and every queue can be read. */
  check(): Promise<Record<string, number>>;
  /** The BullMQ queues of every lane (for the dashboard). */
  queues(): readonly Queue[];
  /** BullMQ's `bullmq_job_count{queue,state}` text per queue (labelled by lane when there are several); '' where Redis failed. */
  expositions(): Promise<string[]>;
  close(): Promise<void>;
}

/** DI token of the {@link QueueInspector}. */
export const QUEUE_INSPECTOR = Symbol('QUEUE_INSPECTOR');
