import type { DashboardSpec } from './dashboard.js';
import { timeseries } from './panels.js';
import { quantile, sumRate } from './promql.js';

const p50p99 = (histogram: string) => [
  { expr: quantile(0.5, histogram), legend: 'p50' },
  { expr: quantile(0.99, histogram), legend: 'p99' },
];

/** Where a thread's time goes, from the workers' own measurements and the GenAI client metrics. */
export const threadsDashboard: DashboardSpec = {
  file: 'threadloom-threads.json',
  uid: 'threadloom-threads',
  title: 'threadloom / threads',
  description: 'Threads and engine calls as the workers see them: queue wait, first token, decode, join wait, errors.',
  sections: [
    {
      title: 'Thread timings',
      panels: [
        timeseries({
          title: 'Thread queue wait',
          description: 'From the fork to the thread engine call starting (queue, concurrency slots, retries).',
          unit: 's',
          queries: p50p99('threadloom_thread_queue_wait_seconds'),
        }),
        timeseries({
          title: 'Thread time to first token',
          description: 'Engine time to first token of thread calls, measured by the worker.',
          unit: 's',
          queries: p50p99('threadloom_thread_time_to_first_token_seconds'),
        }),
        timeseries({
          title: 'Thread decode time',
          description: 'Engine decode time of thread calls after their first token.',
          unit: 's',
          queries: p50p99('threadloom_thread_decode_seconds'),
        }),
        timeseries({
          title: 'Join wait',
          description: "From a block's last thread finishing to its join running.",
          unit: 's',
          queries: p50p99('threadloom_join_wait_seconds'),
        }),
        timeseries({
          title: 'Threads by outcome',
          description: 'completed, failed (after the last attempt), dropped (onThreadFailure=drop), cancelled.',
          unit: 'ops',
          queries: [{ expr: sumRate('threadloom_threads_total', ['outcome']), legend: '{{outcome}}' }],
        }),
        timeseries({
          title: 'Threads in flight per machine',
          description: 'Thread engine calls running now on each machine.',
          unit: 'short',
          queries: [{ expr: 'sum by (machine) (threadloom_threads_in_flight)', legend: '{{machine}}' }],
        }),
      ],
    },
    {
      title: 'Engine calls (GenAI client)',
      panels: [
        timeseries({
          title: 'Engine call duration',
          description: 'gen_ai.client.operation.duration: every engine call (steps and threads), end to end.',
          unit: 's',
          queries: p50p99('gen_ai_client_operation_duration_seconds'),
        }),
        timeseries({
          title: 'Time to first chunk',
          description: 'gen_ai.client.operation.time_to_first_chunk of streamed engine calls.',
          unit: 's',
          queries: p50p99('gen_ai_client_operation_time_to_first_chunk_seconds'),
        }),
        timeseries({
          title: 'Tokens per second by type',
          description:
            'gen_ai.client.token.usage: input (prompt) and output (generated) tokens, as the engine reported them.',
          unit: 'short',
          queries: [
            { expr: sumRate('gen_ai_client_token_usage_sum', ['gen_ai_token_type']), legend: '{{gen_ai_token_type}}' },
          ],
        }),
        timeseries({
          title: 'Engine errors by class',
          description:
            'Failed engine calls: timeout, connection, invalid_output, rate_limited, http_4xx, http_5xx, other.',
          unit: 'ops',
          queries: [{ expr: sumRate('threadloom_engine_errors_total', ['class']), legend: '{{class}}' }],
        }),
        timeseries({
          title: 'Placement hand-backs and cancellations',
          description: 'Jobs handed back because the local engine was full, and in-flight jobs aborted by a cancel.',
          unit: 'ops',
          queries: [
            { expr: sumRate('threadloom_placement_handbacks_total'), legend: 'hand-backs' },
            { expr: sumRate('threadloom_cancellations_total'), legend: 'cancellations' },
          ],
        }),
      ],
    },
  ],
};
