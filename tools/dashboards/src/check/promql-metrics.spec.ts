import { describe, expect, it } from 'vitest';
import { promqlMetrics } from './promql-metrics.js';

describe('promqlMetrics', () => {
  it('finds every selected metric, vLLM colon names and Grafana variables included', () => {
    const expr =
      'sum(rate(vllm:prefix_cache_hits_total[$__rate_interval])) / sum(rate(vllm:prefix_cache_queries_total{model_name="$model"}[5m])) + on() group_left max(up)';
    expect(promqlMetrics(expr)).toEqual({
      ok: true,
      metrics: ['up', 'vllm:prefix_cache_hits_total', 'vllm:prefix_cache_queries_total'],
    });
  });

  it('does not take functions, label names or aggregation labels for metrics', () => {
    expect(promqlMetrics('histogram_quantile(0.99, sum by (le, route) (rate(a_bucket[5m]))) > 1')).toEqual({
      ok: true,
      metrics: ['a_bucket'],
    });
  });

  it('reports a syntax error instead of guessing', () => {
    const result = promqlMetrics('sum(rate(foo{[}[5m]))');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatch(/syntax error/);
  });
});
