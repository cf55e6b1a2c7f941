/** A metric that only a component outside this repository exports, with where its name is documented. */
export interface ExternalMetric {
  readonly name: string;
  readonly exporter: string;
  readonly source: string;
}

const VLLM_SOURCE = 'vLLM docs, "Production Metrics" (docs/usage/metrics.md) and vllm/v1/metrics/loggers.py';
const REDIS_EXPORTER_SOURCE = 'oliver006/redis_exporter README, "What\'s exported" (INFO memory section)';

/**
 * Names the dashboards may query although no process of a test stack exports them: metrics only a real
 * vLLM has (the simulator implements the rest) and redis_exporter's. Sample names, as a query writes them.
 */
export const EXTERNAL_METRICS: readonly ExternalMetric[] = [
  ...['_bucket', '_sum', '_count'].flatMap((suffix) => [
    { name: `vllm:request_inference_time_seconds${suffix}`, exporter: 'vLLM', source: VLLM_SOURCE },
    { name: `vllm:iteration_tokens_total${suffix}`, exporter: 'vLLM', source: VLLM_SOURCE },
  ]),
  { name: 'redis_memory_used_bytes', exporter: 'redis_exporter', source: REDIS_EXPORTER_SOURCE },
  { name: 'redis_memory_max_bytes', exporter: 'redis_exporter', source: REDIS_EXPORTER_SOURCE },
  { name: 'redis_up', exporter: 'redis_exporter', source: REDIS_EXPORTER_SOURCE },
];
