// One trace per request across every process: the API, 3 machine workers, the join worker and the engine
// simulator export OTLP/HTTP JSON to a receiver in the harness; the test checks the whole span tree.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupervisedProcess } from '@threadloom/devstack';
import { FIGURE6 } from '../support/figure6.js';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { startUsageRecorder, type UsageRecorder } from '../support/usage-recorder.js';
import { startSim, startStack, type Stack } from '../orchestration/support/stack.js';
import { KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;
const ENGINE_SPAN = `text_completion ${MODEL}`;

/** Every span of one request's trace, with helpers to walk it. */
class Tree {
  constructor(readonly spans: readonly ReceivedSpan[]) {}
  children(span: ReceivedSpan): ReceivedSpan[] {
    return this.spans.filter((candidate) => candidate.parentSpanId === span.spanId);
  }
  named(name: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.name === name);
  }
}

describe('tracing across processes', () => {
  let receiver: OtlpReceiver;
  let sim: { sim: SupervisedProcess; url: string };
  let proxy: UsageRecorder;
  let stack: Stack;
  let api: ApiProcess;
  let openai: OpenAI;
  let failNextThread = false;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const otel = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    };
    sim = await startSim({ timeScale: 0 }, otel);
    // The first thread call after `failNextThread` is set gets an HTTP 500 from the simulator: a retried thread.
    proxy = await startUsageRecorder(sim.url, (body) => {
      if (!failNextThread || !(body.stop ?? []).includes('</Thread>')) return undefined;
      failNextThread = false;
      return '500';
    });
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-tracing}',
      machines: 3,
      engineUrl: proxy.url,
      workerEnv: otel,
    });
    api = await startApi(inject('redisUrl'), '{tl-tracing}', otel);
    openai = new OpenAI({ apiKey: KEYS.alice, baseURL: `${api.url}/v1`, maxRetries: 0, timeout: 60_000 });
  });
  afterAll(async () => {
    await api?.process.stop(5_000);
    await stack?.stop();
    await proxy?.close();
    await sim?.sim.stop();
    await receiver?.close();
  });

  /** Runs Figure 6 through the facade and waits until every process has exported the request's spans. */
  async function tracedRequest(expectedThreadSpans: number): Promise<{ id: string; tree: Tree }> {
    const completion = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: FIGURE6.problem }],
    });
    const id = completion.id.replace(/^chatcmpl-/, '');
    const spans = await receiver.waitFor((received) => {
      const traceId = received.find((span) => span.attributes['threadloom.request_id'] === id)?.traceId;
      const inTrace = received.filter((span) => span.traceId === traceId);
      const engineCalls = inTrace.filter((span) => span.name === ENGINE_SPAN && span.status !== 2).length;
      return (
        inTrace.some((span) => span.name === 'invoke_workflow threadloom') &&
        inTrace.some((span) => span.kind === SERVER && span.service === 'threadloom-api') &&
        inTrace.filter((span) => span.name === 'process thread').length === expectedThreadSpans &&
        inTrace.filter((span) => span.name === 'llm_request').length === engineCalls &&
        engineCalls === 7
      );
    });
    const traceId = spans.find((span) => span.attributes['threadloom.request_id'] === id)!.traceId;
    return { id, tree: new Tree(spans.filter((span) => span.traceId === traceId)) };
  }

  it('gives a two-block request one trace: API → workflow → steps, threads, joins → engine client → engine server', async () => {
    const { id, tree } = await tracedRequest(4);
    const ofRequest = receiver.spans.filter((span) => span.attributes['threadloom.request_id'] === id);
    expect(new Set(ofRequest.map((span) => span.traceId)).size).toBe(1);

    const roots = tree.spans.filter((span) => span.parentSpanId === '');
    expect(roots.map((span) => [span.name, span.kind, span.service])).toEqual([
      ['POST /v1/chat/completions', SERVER, 'threadloom-api'],
    ]);
    const [workflow, ...others] = tree.children(roots[0]!);
    expect(others).toEqual([]);
    expect(workflow).toMatchObject({
      name: 'invoke_workflow threadloom',
      attributes: {
        'threadloom.request_id': id,
        'threadloom.status': 'completed',
        'gen_ai.operation.name': 'invoke_workflow',
      },
    });
    const jobs = tree.children(workflow!);
    expect(jobs.map((span) => span.name).sort()).toEqual([
      'process join',
      'process join',
      'process reason',
      'process reason',
      'process reason',
      'process thread',
      'process thread',
      'process thread',
      'process thread',
    ]);
    for (const job of jobs) {
      expect(job.kind).toBe(CONSUMER);
      expect(job.attributes).toMatchObject({
        'threadloom.request_id': id,
        'threadloom.attempt': 1,
        'threadloom.run_cause': 'first',
      });
      expect(job.attributes['threadloom.queue_wait_ms']).toEqual(expect.any(Number));
      expect(String(job.attributes['threadloom.machine'])).toMatch(/^(m[123]|join1)$/);
    }
    const threads = tree.named('process thread');
    expect(
      threads
        .map((span) => `${String(span.attributes['threadloom.block'])}/${String(span.attributes['threadloom.thread'])}`)
        .sort(),
    ).toEqual(['0/1', '0/2', '1/1', '1/2']);

    for (const job of [...tree.named('process reason'), ...threads]) {
      const [call, ...more] = tree.children(job);
      expect(more).toEqual([]);
      expect(call).toMatchObject({
        name: ENGINE_SPAN,
        kind: CLIENT,
        attributes: {
          'gen_ai.operation.name': 'text_completion',
          'gen_ai.provider.name': 'vllm',
          'gen_ai.request.model': MODEL,
          'server.address': '127.0.0.1',
          'gen_ai.response.finish_reasons': ['stop'],
        },
      });
      expect(call!.attributes['server.port']).toBe(Number(new URL(proxy.url).port));
      expect(call!.attributes['gen_ai.response.time_to_first_chunk']).toEqual(expect.any(Number));
      expect(call!.attributes['gen_ai.usage.cache_read.input_tokens']).toEqual(expect.any(Number));
      const [server, ...extra] = tree.children(call!);
      expect(extra).toEqual([]);
      expect(server).toMatchObject({ name: 'llm_request', kind: SERVER, service: 'threadloom-engine-sim' });
      // The engine's own name for the call, as vLLM gives it (`cmpl-<X-Request-Id>-<prompt index>`): logs line up.
      expect(server!.attributes['gen_ai.request.id']).toBe(
        `cmpl-${String(call!.attributes['threadloom.engine_request_id'])}-0`,
      );
      expect(server!.attributes['gen_ai.usage.completion_tokens']).toBe(call!.attributes['gen_ai.usage.output_tokens']);
      expect(server!.attributes['gen_ai.usage.prompt_tokens']).toBe(call!.attributes['gen_ai.usage.input_tokens']);
      expect(server!.attributes['gen_ai.latency.time_to_first_token']).toEqual(expect.any(Number));
      // Spans are handed to the SDK after the work (DeferredSpan), with the times the work really took.
      expect(call!.startMs).toBeGreaterThanOrEqual(job.startMs);
      expect(call!.endMs).toBeLessThanOrEqual(job.endMs);
      expect(server!.startMs).toBeGreaterThanOrEqual(call!.startMs);
      expect(server!.startMs).toBeLessThanOrEqual(call!.endMs);
    }

    for (const join of tree.named('process join')) {
      const block = join.attributes['threadloom.block'];
      const linked = threads.filter((span) => span.attributes['threadloom.block'] === block).map((span) => span.spanId);
      expect(join.links.map((link) => link.spanId).sort()).toEqual(linked.sort());
      expect(tree.children(join)).toEqual([]);
    }
    expect(tree.spans).toHaveLength(2 + jobs.length + 7 * 2);
  });

  it('shows each attempt of a retried thread as its own span', async () => {
    failNextThread = true;
    const { tree } = await tracedRequest(5);
    const threads = tree.named('process thread');
    const byThread = new Map<string, ReceivedSpan[]>();
    for (const span of threads) {
      const key = `${String(span.attributes['threadloom.block'])}/${String(span.attributes['threadloom.thread'])}`;
      byThread.set(key, [...(byThread.get(key) ?? []), span]);
    }
    const retried = [...byThread.values()].filter((attempts) => attempts.length > 1);
    expect(retried).toHaveLength(1);
    const [first, second] = retried[0]!.sort((a, b) => a.startMs - b.startMs);
    expect([first!.attributes['threadloom.attempt'], second!.attributes['threadloom.attempt']]).toEqual([1, 2]);
    expect([first!.attributes['threadloom.run_cause'], second!.attributes['threadloom.run_cause']]).toEqual([
      'first',
      'failed',
    ]);
    expect(second!.attributes).toMatchObject({ 'threadloom.failures_before': 1, 'threadloom.stalls_before': 0 });
    expect(first!.status).toBe(2);
    expect(second!.status).not.toBe(2);
    const failedCall = tree.children(first!);
    expect(failedCall.map((span) => [span.name, span.status])).toEqual([[ENGINE_SPAN, 2]]);
    expect(tree.children(failedCall[0]!)).toEqual([]); // the engine refused it before its request span began
    expect(tree.children(tree.children(second!)[0]!).map((span) => span.name)).toEqual(['llm_request']);
  });
});
