// The generated dashboards and alert rules query only metrics that some component really exports: every
// process of a running stack is scraped after a request ran (so histograms have samples), and the few
// metrics only a real vLLM or redis_exporter has come from a documented list.
import {
  artifactExpressions,
  exposedMetricNames,
  EXTERNAL_METRICS,
  generateArtifacts,
  metricCoverage,
  readCheckedIn,
} from '@threadloom/dashboards';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, KEYS } from '../api/support/api-keys.js';
import { MODEL, startApiStack, type ApiStack } from '../api/support/api-stack.js';
import { metricsUrl } from '../orchestration/support/stack.js';
import { ROOT } from '../support/corpus.js';
import { FIGURE6 } from '../support/figure6.js';

async function scrape(url: string): Promise<Set<string>> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return exposedMetricNames(await response.text());
}

describe('dashboards and alerts against a live stack', () => {
  let env: ApiStack;
  const exported = new Set<string>();

  beforeAll(async () => {
    env = await startApiStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-dashboards}',
      machines: 2,
      metrics: true,
    });
    const submitted = await fetch(`${env.api.url}/v1/reasoning`, {
      method: 'POST',
      headers: { Authorization: bearer(KEYS.alice), 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: FIGURE6.problem }], model: MODEL }),
    });
    const { id } = (await submitted.json()) as { id: string };
    expect((await env.stack.client.waitForResult(id, { timeoutMs: 30_000 })).status).toBe('completed');
    const { machines, join } = env.stack;
    const urls = [
      `${env.api.url}/metrics`,
      ...machines.map((machine) => `${machine.simUrl}/metrics`),
      ...[...machines.map((machine) => machine.worker), join].map(metricsUrl),
    ];
    for (const names of await Promise.all(urls.map(scrape))) for (const name of names) exported.add(name);
  });
  afterAll(async () => {
    await env?.stop();
  });

  it('every panel and alert of the checked-in files queries an exported or documented metric', async () => {
    const files = await readCheckedIn(ROOT, generateArtifacts());
    const artifacts = files.map(({ file, content }) => ({ file, content: content ?? '' }));
    const known = new Set([...exported, ...EXTERNAL_METRICS.map((metric) => metric.name)]);
    const expressions = artifactExpressions(artifacts);
    expect(expressions.length).toBeGreaterThan(20);
    expect(metricCoverage(expressions, known)).toEqual([]);
  });

  it('the documented external list names only metrics the stack does not export itself', () => {
    expect(EXTERNAL_METRICS.filter((metric) => exported.has(metric.name))).toEqual([]);
  });

  it('the scrape saw the API, the simulators, the workers and BullMQ', () => {
    for (const name of [
      'threadloom_api_submissions_total',
      'vllm:time_to_first_token_seconds_bucket',
      'threadloom_thread_queue_wait_seconds_bucket',
      'bullmq_job_count',
    ])
      expect(exported.has(name), name).toBe(true);
  });
});
