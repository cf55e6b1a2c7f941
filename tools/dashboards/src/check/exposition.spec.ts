import { describe, expect, it } from 'vitest';
import { exposedMetricNames } from './exposition.js';

describe('exposedMetricNames', () => {
  it('lists sample names and the samples a declared histogram will have', () => {
    const text = [
      '# HELP a_seconds A histogram.',
      '# TYPE a_seconds histogram',
      '# HELP b_total A counter.',
      '# TYPE b_total counter',
      'b_total{outcome="ok"} 3',
      '# TYPE vllm:num_requests_running gauge',
      'vllm:num_requests_running{model_name="m"} 0',
      'plain 1',
      '',
    ].join('\n');
    expect([...exposedMetricNames(text)].sort()).toEqual([
      'a_seconds_bucket',
      'a_seconds_count',
      'a_seconds_sum',
      'b_total',
      'plain',
      'vllm:num_requests_running',
    ]);
  });
});
