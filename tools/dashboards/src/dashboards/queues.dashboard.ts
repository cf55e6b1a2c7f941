import type { DashboardSpec } from './dashboard.js';
import { timeseries } from './panels.js';

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
