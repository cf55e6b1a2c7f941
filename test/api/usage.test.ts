// The facade's `usage` is the engine's own per-call usage: checked against every call's usage as the simulator
// sent it (recorded on the wire by a pass-through proxy) and against the simulator's /metrics counters.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { corpusEntries } from '../support/corpus.js';
import { startUsageRecorder, type RecordedCall, type UsageRecorder } from '../support/usage-recorder.js';
import { metricValues } from '../engine-sim/sim-client.js';
import { startSim, startStack, type Stack } from '../orchestration/support/stack.js';
import type { SupervisedProcess } from '@threadloom/devstack';
import { KEYS } from './support/api-keys.js';
import { MODEL, startApi, type ApiProcess } from './support/api-stack.js';

interface ThreadloomUsage extends OpenAI.CompletionUsage {
  readonly threadloom: { critical_path_tokens: number; token_speedup: number; token_count_source: string };
}

/** Sequential steps plus the longest thread of each block (threads of a block share the prompt up to their header). */
function criticalPath(calls: readonly RecordedCall[]): number {
  const longest = new Map<string, number>();
  let sequential = 0;
  for (const call of calls) {
    const tokens = call.usage.completion_tokens;
    if (!call.stop.includes('</Thread>')) sequential += tokens;
    else {
      const context = call.prompt.slice(0, call.prompt.lastIndexOf('\n<Thread>'));
      longest.set(context, Math.max(longest.get(context) ?? 0, tokens));
    }
  }
  return [...longest.values()].reduce((sum, tokens) => sum + tokens, sequential);
}

const sum = (calls: readonly RecordedCall[], pick: (call: RecordedCall) => number) =>
  calls.reduce((total, call) => total + pick(call), 0);

describe('token usage from the engine', () => {
  let sim: { sim: SupervisedProcess; url: string };
  let recorder: UsageRecorder;
  let stack: Stack;
  let api: ApiProcess;

  beforeAll(async () => {
    sim = await startSim({ timeScale: 0 });
    recorder = await startUsageRecorder(sim.url);
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-api-usage}',
      machines: 2,
      engineUrl: recorder.url,
    });
    api = await startApi(inject('redisUrl'), '{tl-api-usage}');
  });
  afterAll(async () => {
    await api?.process.stop(5_000);
    await stack?.stop();
    await recorder?.close();
    await sim?.sim.stop();
  });

  it('reports the simulator’s prompt, completion and cached tokens and the critical path of a corpus request', async () => {
    const entry = corpusEntries().find((candidate) => candidate.trajectory.includes('<Parallel>'));
    expect(entry, 'the shipped corpus has a parallel trajectory').toBeDefined();
    const openai = new OpenAI({ apiKey: KEYS.alice, baseURL: `${api.url}/v1`, maxRetries: 0, timeout: 60_000 });
    const completion = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: entry!.problem }],
    });
    const usage = completion.usage as ThreadloomUsage;
    const calls = recorder.calls;
    expect(calls.some((call) => call.stop.includes('</Thread>'))).toBe(true);
    const first = calls.reduce((shortest, call) => (call.prompt.length < shortest.prompt.length ? call : shortest));
    const [generated, prompted, hits, successes] = await metricValues(sim.url, [
      'vllm:generation_tokens_total',
      'vllm:prompt_tokens_total',
      'vllm:prefix_cache_hits_total',
      'vllm:request_success_total',
    ]);

    expect(successes).toBe(calls.length);
    expect(usage.prompt_tokens).toBe(first.usage.prompt_tokens);
    expect(usage.completion_tokens).toBe(sum(calls, (call) => call.usage.completion_tokens));
    expect(usage.completion_tokens).toBe(generated);
    expect(sum(calls, (call) => call.usage.prompt_tokens)).toBe(prompted);
    expect(usage.prompt_tokens_details?.cached_tokens).toBe(
      sum(calls, (call) => call.usage.prompt_tokens_details?.cached_tokens ?? 0),
    );
    expect(usage.prompt_tokens_details?.cached_tokens).toBe(hits);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(usage.threadloom.critical_path_tokens).toBe(criticalPath(calls));
    expect(usage.threadloom.critical_path_tokens).toBeLessThan(usage.completion_tokens);
    expect(usage.threadloom.token_speedup).toBeCloseTo(
      usage.completion_tokens / usage.threadloom.critical_path_tokens,
      10,
    );
    expect(usage.threadloom.token_count_source).toBe('engine');
  });
});
