import { QUEUE_NAMES } from '@threadloom/contracts';
import { Queue } from 'bullmq';
import type { QueueInspector } from './queue-inspector.js';

/** {@link QueueInspector} over BullMQ `Queue` handles (producers only: the API never runs workers). */
export class BullMqQueueInspector implements QueueInspector {
  private readonly handles: readonly Queue[];

  constructor(redisUrl: string, prefix: string) {
    const connection = { url: redisUrl, maxRetriesPerRequest: null, enableOfflineQueue: true };
    this.handles = Object.values(QUEUE_NAMES).map((name) => {
      const queue = new Queue(name, { connection, prefix });
      queue.on('error', () => undefined); // connection trouble surfaces through readiness and failing calls
      return queue;
    });
  }

  async backlog(): Promise<number> {
    const reason = this.handles[0];
    if (!reason) return 0;
    const counts = await reason.getJobCounts('wait', 'prioritized', 'delayed');
    return (counts['wait'] ?? 0) + (counts['prioritized'] ?? 0) + (counts['delayed'] ?? 0);
  }

  async check(): Promise<Record<string, number>> {
    const entries = await Promise.all(
      this.handles.map(async (queue) => {
        const counts = await queue.getJobCounts('wait', 'prioritized', 'active', 'delayed');
        return [queue.name, Object.values(counts).reduce((sum, n) => sum + n, 0)] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  queues(): readonly Queue[] {
    return this.handles;
  }

  async close(): Promise<void> {
    await Promise.all(this.handles.map((queue) => queue.close()));
  }
}
