import type { DashboardSpec } from './dashboard.js';
import { timeseries } from './panels.js';
import { quantile } from './promql.js';

// The API and the join worker both export BullMQ's gauges for the same queues: take one per lane, never
// the sum of exporters; then add the lanes (each its own `lane` label when LANES > 1).
const jobs = (states: string) =>
  `sum by (queue, state) (max by (queue, state, lane) (bullmq_job_count{state=~"${states}"}))`;

/** The queues and the Redis that holds them. */
export const queuesDashboard: DashboardSpec = {
  file: 'threadloom-queues.json',
  uid: 'threadloom-queues',
  title: 'threadloom / queues',
  description: 'BullMQ queues (reason, thread, join) and the Redis that holds them and every request in flight.',
  sections: [
    {
      title: 'Backlog',
      panels: [
        timeseries({
          title: 'Jobs waiting by queue',
          description:
            'BullMQ jobs not yet running: waiting, prioritized, delayed (retries, hand-backs) and waiting for children.',
          unit: 'short',
          queries: [{ expr: jobs('waiting|prioritized|delayed|waiting-children'), legend: '{{queue}} {{state}}' }],
        }),
        timeseries({
          title: 'Jobs active by queue',
          description: 'BullMQ jobs being processed now.',
          unit: 'short',
          queries: [{ expr: jobs('active'), legend: '{{queue}}' }],
        }),
        timeseries({
          title: 'Failed jobs kept by queue',
          description: 'Jobs out of attempts, kept for RETENTION_SECONDS (inspect them in /admin/queues).',
          unit: 'short',
          queries: [{ expr: jobs('failed'), legend: '{{queue}}' }],
        }),
        timeseries({
          title: 'Backlog age: thread queue wait',
          description: 'How long threads wait between their fork and their engine call.',
          unit: 's',
          queries: [
            { expr: quantile(0.5, 'threadloom_thread_queue_wait_seconds'), legend: 'p50' },
            { expr: quantile(0.99, 'threadloom_thread_queue_wait_seconds'), legend: 'p99' },
          ],
        }),
        timeseries({
          title: 'Reason backlog seen by the API',
          description:
            'Jobs waiting in the reason queue as measured by the admission gate (it answers 503 above its limit).',
          unit: 'short',
          queries: [{ expr: 'max(threadloom_api_backlog)', legend: 'reason backlog' }],
        }),
      ],
    },
    {
      title: 'Redis',
      panels: [
        timeseries({
          title: 'Redis memory',
          description: 'Used memory against maxmemory (redis_exporter). With noeviction, writes fail at maxmemory.',
          unit: 'bytes',
          queries: [
            { expr: 'sum by (instance) (redis_memory_used_bytes)', legend: 'used {{instance}}' },
            { expr: 'sum by (instance) (redis_memory_max_bytes)', legend: 'max {{instance}}' },
          ],
        }),
      ],
    },
  ],
};
