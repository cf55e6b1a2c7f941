import type { DashboardSpec } from './dashboard.js';
import { stat, timeseries } from './panels.js';
import { mean, quantile, sumRate } from './promql.js';

const BY_ENGINE = ['instance'];

/** vLLM's own metrics per engine (the simulator exports the same names). */
export const enginesDashboard: DashboardSpec = {
  file: 'threadloom-engines.json',
  uid: 'threadloom-engines',
  title: 'threadloom / engines',
  description: 'vLLM engines: scheduler load, KV cache, prefix cache, latency and throughput, per engine.',
  sections: [
    {
      title: 'Scheduler and KV cache',
      panels: [
        timeseries({
          title: 'Running and waiting requests',
          description: 'Sequences in the running batch and waiting for a slot (vllm:num_requests_running|waiting).',
          unit: 'short',
          queries: [
            { expr: 'sum by (instance) (vllm:num_requests_running)', legend: 'running {{instance}}' },
            { expr: 'sum by (instance) (vllm:num_requests_waiting)', legend: 'waiting {{instance}}' },
          ],
        }),
        timeseries({
          title: 'KV-cache usage',
          description: 'Fraction of KV-cache blocks in use; above 95% the engine preempts or queues.',
          unit: 'percentunit',
          max: 1,
          queries: [{ expr: 'max by (instance) (vllm:kv_cache_usage_perc)', legend: '{{instance}}' }],
        }),
        timeseries({
          title: 'Prefix-cache hit rate',
          description: 'Cached prompt tokens per queried prompt token: rate(hits) / rate(queries).',
          unit: 'percentunit',
          max: 1,
          queries: [
            {
              expr: `${sumRate('vllm:prefix_cache_hits_total', BY_ENGINE)} / ${sumRate('vllm:prefix_cache_queries_total', BY_ENGINE)}`,
              legend: '{{instance}}',
            },
          ],
        }),
        timeseries({
          title: 'Preemptions',
          description: 'Sequences evicted from the running batch to free KV cache (per second).',
          unit: 'ops',
          queries: [{ expr: sumRate('vllm:num_preemptions_total', BY_ENGINE), legend: '{{instance}}' }],
        }),
      ],
    },
    {
      title: 'Latency',
      panels: [
        timeseries({
          title: 'Time to first token',
          description: 'From arrival at the engine to the first generated token (vllm:time_to_first_token_seconds).',
          unit: 's',
          queries: [
            { expr: quantile(0.5, 'vllm:time_to_first_token_seconds'), legend: 'p50' },
            { expr: quantile(0.99, 'vllm:time_to_first_token_seconds'), legend: 'p99' },
          ],
        }),
        timeseries({
          title: 'Inter-token latency',
          description: 'Time between successive output tokens of a sequence (vllm:inter_token_latency_seconds).',
          unit: 's',
          queries: [
            { expr: quantile(0.5, 'vllm:inter_token_latency_seconds'), legend: 'p50' },
            { expr: quantile(0.99, 'vllm:inter_token_latency_seconds'), legend: 'p99' },
          ],
        }),
        timeseries({
          title: 'Request phases (p99)',
          description: 'Waiting, prefill and decode time of engine requests, and their end-to-end latency.',
          unit: 's',
          queries: [
            { expr: quantile(0.99, 'vllm:request_queue_time_seconds'), legend: 'queue' },
            { expr: quantile(0.99, 'vllm:request_prefill_time_seconds'), legend: 'prefill' },
            { expr: quantile(0.99, 'vllm:request_decode_time_seconds'), legend: 'decode' },
            { expr: quantile(0.99, 'vllm:e2e_request_latency_seconds'), legend: 'end to end' },
          ],
        }),
        timeseries({
          title: 'Mean end-to-end latency per engine',
          description: 'Mean engine request latency, to spot one slow machine.',
          unit: 's',
          queries: [{ expr: mean('vllm:e2e_request_latency_seconds', BY_ENGINE), legend: '{{instance}}' }],
        }),
      ],
    },
    {
      title: 'Throughput',
      panels: [
        timeseries({
          title: 'Tokens per second',
          description: 'Prompt tokens prefilled and tokens generated, all engines.',
          unit: 'short',
          queries: [
            { expr: sumRate('vllm:prompt_tokens_total'), legend: 'prompt' },
            { expr: sumRate('vllm:generation_tokens_total'), legend: 'generated' },
          ],
        }),
        timeseries({
          title: 'Finished engine requests by reason',
          description:
            'stop = end of sequence or stop string (e.g. </Thread>), length = token budget, abort = cancelled.',
          unit: 'reqps',
          queries: [
            { expr: sumRate('vllm:request_success_total', ['finished_reason']), legend: '{{finished_reason}}' },
          ],
        }),
        stat({
          title: 'Generated tokens per request (p50)',
          description: 'Median generation length of engine requests.',
          unit: 'short',
          queries: [{ expr: quantile(0.5, 'vllm:request_generation_tokens') }],
        }),
        stat({
          title: 'Prompt tokens per request (p50)',
          description: 'Median prompt length of engine requests (threads carry their whole context).',
          unit: 'short',
          queries: [{ expr: quantile(0.5, 'vllm:request_prompt_tokens') }],
        }),
      ],
    },
    {
      title: 'Real vLLM only',
      panels: [
        timeseries({
          title: 'Inference time (p99)',
          description: 'Time a request spends scheduled (prefill + decode); exported by vLLM, not by the simulator.',
          unit: 's',
          queries: [{ expr: quantile(0.99, 'vllm:request_inference_time_seconds', BY_ENGINE), legend: '{{instance}}' }],
        }),
        timeseries({
          title: 'Tokens per engine step',
          description: 'Batch size in tokens of each forward pass; exported by vLLM, not by the simulator.',
          unit: 'short',
          queries: [
            { expr: quantile(0.5, 'vllm:iteration_tokens_total'), legend: 'p50' },
            { expr: quantile(0.99, 'vllm:iteration_tokens_total'), legend: 'p99' },
          ],
        }),
      ],
    },
  ],
};
