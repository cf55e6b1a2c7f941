// Every worker process serves Prometheus text: thread and join timings, request outcomes, GenAI client metrics,
// and (on the join worker) BullMQ's own job counts. Values are checked against the request's own result.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIGURE6 } from '../support/figure6.js';
import { metricsUrl, startStack, type Stack } from './support/stack.js';

/** Sum of the samples of `name` whose labels contain every `labels` pair. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => wanted.every((pair) => line.includes(pair)))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('worker metrics', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ redisUrl: inject('redisUrl'), keyPrefix: '{tl-metrics}', machines: 2, metrics: true });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('counts threads, joins, the request and its engine calls where they ran', async () => {
    const submitted = await stack.client.submit({ prompt: FIGURE6.prompt, model: 'threadweaver-sim' });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status).toBe('completed');
    const result = view.result!;
    const scrape = async (url: string) => (await fetch(url)).text();
    const machines = await Promise.all(stack.machines.map((machine) => scrape(metricsUrl(machine.worker))));
    const join = await scrape(metricsUrl(stack.join));
    const both = (name: string, labels?: Record<string, string>) =>
      machines.reduce((sum, text) => sum + sample(text, name, labels), 0);
    // The request is settled by whichever process ran its last step.
    const all = (name: string, labels?: Record<string, string>) => both(name, labels) + sample(join, name, labels);

    expect(both('threadloom_threads_total', { outcome: 'completed' })).toBe(4);
    expect(both('threadloom_thread_queue_wait_seconds_count')).toBe(4);
    expect(both('threadloom_thread_time_to_first_token_seconds_count')).toBe(4);
    expect(both('threadloom_thread_decode_seconds_count')).toBe(4);
    expect(both('gen_ai_client_operation_duration_seconds_count')).toBe(result.engineRequests);
    expect(both('gen_ai_client_token_usage_sum', { gen_ai_token_type: 'output' })).toBe(
      result.metrics.completionTokens,
    );
    expect(
      both('gen_ai_client_operation_time_to_first_chunk_seconds_count', { gen_ai_request_model: 'threadweaver-sim' }),
    ).toBe(result.engineRequests);
    expect(machines.every((text) => /threadloom_threads_in_flight\{machine="m[12]"\} 0/.test(text))).toBe(true);

    expect(sample(join, 'threadloom_join_wait_seconds_count')).toBe(2);
    expect(all('threadloom_requests_total', { outcome: 'completed' })).toBe(1);
    expect(all('threadloom_request_duration_seconds_count', { outcome: 'completed' })).toBe(1);
    expect(all('threadloom_request_critical_path_tokens_sum')).toBe(result.metrics.criticalPathTokens);
    expect(all('threadloom_request_realized_speedup_count')).toBe(1);
    expect(join).toMatch(/^# TYPE bullmq_job_count gauge$/m);
    for (const queue of ['reason', 'thread', 'join'])
      expect(join).toMatch(new RegExp(`^bullmq_job_count\\{queue="${queue}", state="waiting"\\} 0$`, 'm'));
    expect(join.match(/^# TYPE bullmq_job_count/gm)).toHaveLength(1);
    for (const text of [...machines, join]) {
      expect(text).toContain('threadloom_engine_errors_total');
      expect(text).toContain('threadloom_cancellations_total');
      expect(text).toContain('threadloom_placement_handbacks_total');
      expect(text).not.toContain(submitted.id);
    }
  });
});
