import { describe, expect, it } from 'vitest';
import { parseEngineRates } from './engine-rates.js';

describe('parseEngineRates', () => {
  it('derives prefill rate, step time and mean generation from vLLM counters and histograms', () => {
    const exposition = [
      'vllm:prompt_tokens_total{model_name="m"} 30000',
      'vllm:prefix_cache_hits_total{model_name="m"} 10000',
      'vllm:request_prefill_time_seconds_sum{model_name="m"} 2',
      'vllm:request_prefill_time_seconds_count{model_name="m"} 4',
      'vllm:inter_token_latency_seconds_sum{model_name="m"} 5',
      'vllm:inter_token_latency_seconds_count{model_name="m"} 200',
      'vllm:request_generation_tokens_sum{model_name="m"} 804',
      'vllm:request_generation_tokens_count{model_name="m"} 4',
    ].join('\n');
    expect(parseEngineRates(exposition)).toEqual({
      prefillTokensPerSecond: 10_000,
      stepMs: 25,
      meanGenerationTokens: 201,
    });
  });

  it("reads older vLLM's time_per_output_token and leaves unmeasured rates undefined", () => {
    const exposition = [
      'vllm:time_per_output_token_seconds_sum 1',
      'vllm:time_per_output_token_seconds_count 50',
      'vllm:prompt_tokens_total 0',
    ].join('\n');
    expect(parseEngineRates(exposition)).toEqual({
      prefillTokensPerSecond: undefined,
      stepMs: 20,
      meanGenerationTokens: undefined,
    });
  });
});
