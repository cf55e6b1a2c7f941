import { sumSamples } from './prometheus-samples.js';

/** What the engine has measured of itself, in engine seconds (model seconds on the simulator). */
interface EngineRates {
  /** Uncached prompt tokens prefilled per second. */
  readonly prefillTokensPerSecond: number | undefined;
  /** Mean time between two output tokens of a sequence: one decode step. */
  readonly stepMs: number | undefined;
  /** Mean output tokens of a finished request: with `stepMs`, how long a sequence holds its slot. */
  readonly meanGenerationTokens: number | undefined;
}

/** vLLM V1 names; `time_per_output_token` is the name older releases export for the inter-token latency. */
const NAMES = {
  prompt: 'vllm:prompt_tokens_total',
  hits: 'vllm:prefix_cache_hits_total',
  prefillSum: 'vllm:request_prefill_time_seconds_sum',
  itlSum: ['vllm:inter_token_latency_seconds_sum', 'vllm:time_per_output_token_seconds_sum'],
  itlCount: ['vllm:inter_token_latency_seconds_count', 'vllm:time_per_output_token_seconds_count'],
  genSum: 'vllm:request_generation_tokens_sum',
  genCount: 'vllm:request_generation_tokens_count',
} as const;

/**
 * The engine's prefill rate, decode step time and mean generation length since it started, from its
 * Prometheus counters and histograms; a field is undefined until the engine has served what measures it.
 */
export function parseEngineRates(exposition: string): EngineRates {
  const lines = exposition.split('\n');
  const get = (name: string): number | undefined => sumSamples(lines, name);
  const first = (names: readonly string[]): number | undefined => names.map(get).find((value) => value !== undefined);
  const prompt = get(NAMES.prompt);
  const prefillSeconds = get(NAMES.prefillSum);
  const uncached = prompt === undefined ? undefined : prompt - (get(NAMES.hits) ?? 0);
  return {
    prefillTokensPerSecond: ratio(uncached, prefillSeconds),
    stepMs: scaled(ratio(first(NAMES.itlSum), first(NAMES.itlCount)), 1000),
    meanGenerationTokens: ratio(get(NAMES.genSum), get(NAMES.genCount)),
  };
}

function ratio(numerator: number | undefined, denominator: number | undefined): number | undefined {
  if (numerator === undefined || denominator === undefined || denominator <= 0 || numerator <= 0) return undefined;
  return numerator / denominator;
}

function scaled(value: number | undefined, factor: number): number | undefined {
  return value === undefined ? undefined : value * factor;
}
