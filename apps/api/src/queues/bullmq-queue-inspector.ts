import { allLanes, lanePrefix, QUEUE_NAMES } from '@threadloom/contracts';
import { Queue } from 'bullmq';
import type { RedisClient } from '@threadloom/queue';
import type { QueueInspector } from './queue-inspector.js';

/** {@link QueueInspector} over BullMQ `Queue` handles of every lane (producers only: the API never runs workers). */
export class BullMqQueueInspector implements QueueInspector {
  private readonly handles: readonly { readonly lane: number; readonly queue: Queue }[];
  private readonly lanes: number;

  /** Every handle shares `connection` (BullMQ reuses a given ioredis instance and leaves closing it to us). */
  constructor(
    private readonly connection: RedisClient,
    keyPrefix: string,
    lanes = 1,
  ) {
    this.lanes = lanes;
    this.handles = allLanes(lanes).flatMap((lane) =>
      Object.values(QUEUE_NAMES).map((name) => {
        const queue = new Queue(name, { connection, prefix: lanePrefix(keyPrefix, lane) });
        queue.on('error', () => undefined); // connection trouble surfaces through readiness and failing calls
        return { lane, queue };
      }),
    );
  }

  async backlog(): Promise<number> {
    const reasons = this.handles.filter(({ queue }) => queue.name === QUEUE_NAMES.reason);
    const counts = await Promise.all(reasons.map(({ queue }) => queue.getJobCounts('wait', 'prioritized', 'delayed')));
    return counts.reduce((sum, c) => sum + (c['wait'] ?? 0) + (c['prioritized'] ?? 0) + (c['delayed'] ?? 0), 0);
  }

  async check(): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    await Promise.all(
      this.handles.map(async ({ queue }) => {
        const counts = await queue.getJobCounts('wait', 'prioritized', 'active', 'delayed');
        totals[queue.name] = (totals[queue.name] ?? 0) + Object.values(counts).reduce((sum, n) => sum + n, 0);
      }),
    );
    return totals;
  }

  queues(): readonly Queue[] {
    return this.handles.map(({ queue }) => queue);
  }

  async expositions(): Promise<string[]> {
    // One lane keeps the unlabelled series; with several, each lane's series say which.
    const labels = (lane: number): Record<string, string> | undefined =>
      this.lanes > 1 ? { lane: String(lane) } : undefined;
    return Promise.all(
      this.handles.map(({ lane, queue }) => queue.exportPrometheusMetrics(labels(lane)).catch(() => '')),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.handles.map(({ queue }) => queue.close()));
    this.connection.disconnect();
  }
}
