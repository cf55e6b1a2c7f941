import { quantile } from '../dashboards/promql.js';
import { dashboardPath, type RuleGroup } from './alert-rule.js';

const QUEUES = dashboardPath('threadloom-queues');

/** Alerts on the queues and on requests that stop moving. */
export const queueAlerts: RuleGroup = {
  name: 'threadloom-queues',
  rules: [
    {
      alert: 'ThreadloomBacklogAgeHigh',
      expr: `${quantile(0.99, 'threadloom_thread_queue_wait_seconds', [], '10m')} > 60`,
      for: '10m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'Threads wait more than a minute between their fork and their engine call (p99)',
        description:
          'The fleet is short of engine capacity or workers: the critical path grows with every wait. Add GPU machines or lower the load.',
        dashboard: QUEUES,
      },
    },
    {
      alert: 'ThreadloomJobsFailing',
      // Counts from BullMQ's gauge: its *_total counters stay 0 unless workers enable BullMQ's metrics option.
      expr: 'max by (queue) (delta(bullmq_job_count{state="failed"}[10m])) > 0',
      for: '5m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'Jobs of the {{ $labels.queue }} queue ran out of attempts',
        description:
          'A failed step fails its request; a failed thread fails it or is dropped (onThreadFailure). See the failed jobs in /admin/queues and the engine errors by class.',
        dashboard: QUEUES,
      },
    },
    {
      alert: 'ThreadloomThreadsStalled',
      expr: 'sum(threadloom_threads_in_flight) > 0 and on () sum(increase(threadloom_threads_total[15m])) == 0',
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Thread engine calls are in flight but none finished in 15 minutes',
        description:
          'Workers hold thread jobs without finishing them (hung engine calls, a stuck process). Check the engines; a stalled job comes back only when its lock lapses.',
        dashboard: dashboardPath('threadloom-threads'),
      },
    },
    {
      alert: 'ThreadloomRequestsStuckRunning',
      expr: 'max(bullmq_job_count{state=~"active|waiting-children"}) > 0 and on () sum(increase(threadloom_requests_total[30m])) == 0',
      for: '30m',
      labels: { severity: 'critical' },
      annotations: {
        summary: 'Requests are running but none settled in 30 minutes',
        description:
          'Jobs are active or joins wait for their threads, yet no request completed, failed or expired: requests are stuck in running. Look at threads in flight, join wait and the engines.',
        dashboard: QUEUES,
      },
    },
  ],
};
