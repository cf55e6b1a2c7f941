// Real vLLM readiness, part 1: an engine started with --api-key, request ids per call, per-call seeds and
// explicit sampling, and every request the workers send checked against vLLM's CompletionRequest data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkVllmCompletionRequest } from '@threadloom/contracts';
import type { SupervisedProcess } from '@threadloom/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIGURE6 } from '../support/figure6.js';
import { capturedRequests, requestsOf } from './support/captured-requests.js';
import { startSim, startStack, type Stack } from './support/stack.js';

const KEY = 'engine-secret-9f3c1a';

describe('workers against an engine that requires an API key', () => {
  let dir: string;
  let capture: string;
  let sim: SupervisedProcess;
  let stack: Stack;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tl-engine-auth-'));
    capture = join(dir, 'requests.jsonl');
    const started = await startSim(
      { timeScale: 0 },
      { SIM_API_KEY: KEY, SIM_CAPTURE_REQUESTS: capture, SIM_ENABLE_REQUEST_ID_HEADERS: 'true' },
    );
    sim = started.sim;
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-engine-auth}',
      machines: 1,
      engineUrl: started.url,
      workerEnv: { ENGINE_API_KEY: KEY },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes Figure 6 with the key on every call, a request id per call and seeds distinct per thread', async () => {
    const submitted = await stack.client.submit({ prompt: FIGURE6.prompt, parameters: { seed: 1234 } });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    const calls = requestsOf(capturedRequests(capture), submitted.id);
    // Figure 6: three sequential steps and two blocks of two threads.
    expect(calls).toHaveLength(7);
    expect(calls.every((call) => call.hasAuthorization)).toBe(true);
    const ids = calls.map((call) => call.requestIdHeader!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${submitted.id}:(\\d+|\\d+_path_[0-9.]+)$`));
    const threads = calls.filter((call) => call.requestIdHeader!.includes('_path_'));
    expect(threads).toHaveLength(4);
    const blocks = new Map<string, number[]>();
    for (const call of threads) {
      const block = /:(\d+)_path_/.exec(call.requestIdHeader!)![1]!;
      blocks.set(block, [...(blocks.get(block) ?? []), call.body.seed!]);
    }
    for (const seeds of blocks.values()) expect(new Set(seeds).size).toBe(seeds.length);
    const seeds = calls.map((call) => call.body.seed);
    expect(seeds.every((seed) => Number.isInteger(seed))).toBe(true);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('sends only valid vLLM CompletionRequest fields, with explicit sampling and no added special tokens', () => {
    const calls = capturedRequests(capture);
    expect(calls).toHaveLength(7); // the one Figure 6 request of the test before
    for (const { body } of calls) {
      expect(checkVllmCompletionRequest(body)).toEqual({ issues: [], unknownFields: [] });
      expect(body).toMatchObject({
        temperature: 1,
        top_p: 1,
        top_k: -1,
        min_p: 0,
        repetition_penalty: 1,
        add_special_tokens: false,
        skip_special_tokens: false,
        include_stop_str_in_output: true,
      });
    }
  });

  it("sends a request's own sampling values instead of the deployment defaults, on every call", async () => {
    const parameters = { temperature: 0.6, topP: 0.95, topK: 20, minP: 0.05, repetitionPenalty: 1.1 };
    const submitted = await stack.client.submit({ prompt: FIGURE6.prompt, parameters });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    const calls = requestsOf(capturedRequests(capture), submitted.id);
    // Figure 6: three sequential steps and two blocks of two threads.
    expect(calls).toHaveLength(7);
    for (const { body } of calls) {
      expect(checkVllmCompletionRequest(body)).toEqual({ issues: [], unknownFields: [] });
      expect(body).toMatchObject({ temperature: 0.6, top_p: 0.95, top_k: 20, min_p: 0.05, repetition_penalty: 1.1 });
      // No request seed: none is sent, and vLLM samples unseeded (docs/vllm.md, "Seeds").
      expect(body.seed ?? null).toBeNull();
    }
  });

  it('fails a request clearly when the key is wrong (engine_unauthorized), logging no key', async () => {
    const wrong = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-engine-auth-wrong}',
      machines: 1,
      engineUrl: stack.machines[0]!.simUrl,
      workerEnv: { ENGINE_API_KEY: 'not-the-key' },
    });
    try {
      const before = capturedRequests(capture).length;
      const submitted = await wrong.client.submit({ prompt: FIGURE6.prompt });
      const view = await wrong.client.waitForResult(submitted.id, { timeoutMs: 30_000 });
      expect(view).toMatchObject({ status: 'failed', errorCode: 'engine_unauthorized' });
      expect(view.error).toContain('API key');
      expect(capturedRequests(capture).length).toBe(before);
      const logs = (): string => [wrong.machines[0]!.worker.output(), stack.machines[0]!.worker.output()].join('\n');
      // The worker settles the request before BullMQ's `failed` event logs the job: wait for the line, bounded.
      await expect.poll(logs, { timeout: 10_000 }).toContain('Engine refused the API key (HTTP 401)');
      expect(logs()).not.toContain('not-the-key');
      expect(logs()).not.toContain(KEY);
    } finally {
      await wrong.stop();
    }
  });
});
