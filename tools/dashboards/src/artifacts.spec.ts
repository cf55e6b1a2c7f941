import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERTS_FILE, DASHBOARDS, generateArtifacts } from './artifacts.js';
import { artifactExpressions } from './check/artifact-expressions.js';
import { staleArtifacts } from './check/artifact-files.js';
import { promqlMetrics } from './check/promql-metrics.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('generated dashboards and alert rules', () => {
  const artifacts = generateArtifacts();

  it('match the files checked in under infra/dashboards (run `npm run -s dashboards` after a change)', async () => {
    expect(await staleArtifacts(ROOT, artifacts)).toEqual([]);
  });

  it('are deterministic', () => {
    expect(generateArtifacts()).toEqual(artifacts);
  });

  it('have one file per dashboard plus the rule file, with unique uids and panel ids', () => {
    expect(artifacts.map((artifact) => artifact.file)).toEqual([...DASHBOARDS.map((d) => d.file), ALERTS_FILE]);
    expect(new Set(DASHBOARDS.map((d) => d.uid)).size).toBe(DASHBOARDS.length);
    for (const artifact of artifacts.filter((a) => a.file.endsWith('.json'))) {
      const ids = (JSON.parse(artifact.content) as { panels: { id: number }[] }).panels.map((panel) => panel.id);
      expect(new Set(ids).size, artifact.file).toBe(ids.length);
    }
  });

  it('query only PromQL that parses and selects at least one metric', () => {
    const expressions = artifactExpressions(artifacts);
    expect(expressions.length).toBeGreaterThan(20);
    for (const { where, expr } of expressions) expect(promqlMetrics(expr), where).toMatchObject({ ok: true });
    const selectingNothing = expressions.filter(({ expr }) => {
      const parsed = promqlMetrics(expr);
      return parsed.ok && parsed.metrics.length === 0;
    });
    expect(selectingNothing.map(({ where }) => where)).toEqual([]);
  });

  it('include the vLLM panels the engines dashboard promises', () => {
    const exprs = artifactExpressions(artifacts).map((e) => e.expr);
    for (const metric of [
      'vllm:num_requests_running',
      'vllm:num_requests_waiting',
      'vllm:kv_cache_usage_perc',
      'vllm:prefix_cache_hits_total',
      'vllm:time_to_first_token_seconds_bucket',
      'vllm:inter_token_latency_seconds_bucket',
    ])
      expect(
        exprs.some((expr) => expr.includes(metric)),
        metric,
      ).toBe(true);
  });
});
