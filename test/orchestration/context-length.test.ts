// Real vLLM readiness, part 2: the served context (vLLM's --max-model-len) caps every call's max_tokens, and a
// request whose context fills up ends with finish `length` like the reference, never with a 400 retry loop.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupervisedProcess } from '@threadloom/devstack';
import { renderUserPrompt } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../cli/cli-process.js';
import { capturedRequests, requestsOf, type CapturedRequest } from './support/captured-requests.js';
import { startSim, startStack, type Stack } from './support/stack.js';

/** ~6,700 characters: the problem size that failed with a 400 before calls were capped. */
const LONG_PROBLEM = `Let S be the sum of these numbers: ${Array.from({ length: 1_500 }, (_, i) => i + 1).join(', ')}. Compute S.`;

interface Engine {
  readonly sim: SupervisedProcess;
  readonly url: string;
  readonly capture: string;
}

async function engine(dir: string, maxModelLen: number): Promise<Engine> {
  const capture = join(dir, `requests-${maxModelLen}.jsonl`);
  const { sim, url } = await startSim(
    { timeScale: 0, maxModelLen },
    { SIM_CAPTURE_REQUESTS: capture, SIM_ENABLE_REQUEST_ID_HEADERS: 'true' },
  );
  return { sim, url, capture };
}

/** Prompt tokens as the engine counts them (its /tokenize, the count it checks its context against). */
async function promptTokens(url: string, call: CapturedRequest): Promise<number> {
  if (Array.isArray(call.body.prompt)) return call.body.prompt.length;
  const response = await fetch(`${url}/tokenize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: call.body.prompt }),
  });
  return ((await response.json()) as { count: number }).count;
}

async function expectWithinContext(engineUrl: string, calls: readonly CapturedRequest[], maxModelLen: number) {
  for (const call of calls) {
    const tokens = await promptTokens(engineUrl, call);
    expect(tokens + call.body.max_tokens, call.requestIdHeader ?? '').toBeLessThanOrEqual(maxModelLen);
    expect(call.requestIdHeader).not.toContain('.retry');
  }
}

describe('the served context caps every engine call', () => {
  let dir: string;
  const engines: Engine[] = [];
  const stacks: Stack[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-context-'));
  });
  afterAll(async () => {
    await Promise.all(stacks.map((stack) => stack.stop()));
    await Promise.all(engines.map((e) => e.sim.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function stackOn(
    maxModelLen: number,
    keyPrefix: string,
    workerEnv: Record<string, string> = {},
  ): Promise<{ stack: Stack; engine: Engine }> {
    const started = await engine(dir, maxModelLen);
    engines.push(started);
    const stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix,
      machines: 1,
      engineUrl: started.url,
      workerEnv,
    });
    stacks.push(stack);
    return { stack, engine: started };
  }

  it('completes a long problem against a 32k-context engine, every call within the context', async () => {
    const { stack, engine: sim } = await stackOn(32_768, '{tl-context-32k}');
    const submitted = await stack.client.submit({ prompt: renderUserPrompt(LONG_PROBLEM) });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    expect(view.result?.termination).toBe('eos');
    const calls = requestsOf(capturedRequests(sim.capture), submitted.id);
    expect(calls.length).toBeGreaterThan(3);
    // The first call wanted the whole 40,000-token budget: capped at 32,768 minus its prompt.
    expect(calls[0]!.body.max_tokens).toBeLessThan(32_768);
    await expectWithinContext(sim.url, calls, 32_768);
  });

  it('ends a request whose context fills up with finish length, sending nothing the engine would refuse', async () => {
    const { stack, engine: sim } = await stackOn(12_288, '{tl-context-12k}');
    const submitted = await stack.client.submit({ prompt: renderUserPrompt(LONG_PROBLEM) });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    // A thread of the last block is cut by the context cap: the block is joined and closed, the run ends (spec §2.7).
    expect(view.result?.termination).toBe('thread_length');
    const calls = requestsOf(capturedRequests(sim.capture), submitted.id);
    // The prompt alone is ~7,900 tokens: the calls run until the context is full, then the request ends.
    expect(calls.length).toBeGreaterThan(1);
    await expectWithinContext(sim.url, calls, 12_288);
  });

  it('caps by ENGINE_MAX_MODEL_LEN over what /v1/models reports', async () => {
    const { stack, engine: sim } = await stackOn(32_768, '{tl-context-override}', { ENGINE_MAX_MODEL_LEN: '12288' });
    const submitted = await stack.client.submit({ prompt: renderUserPrompt(LONG_PROBLEM) });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    // As against a 12k engine: the 32k the engine reports is never used.
    expect(view.result?.termination).toBe('thread_length');
    const calls = requestsOf(capturedRequests(sim.capture), submitted.id);
    expect(calls[0]!.body.max_tokens).toBeLessThan(12_288);
    await expectWithinContext(sim.url, calls, 12_288);
  });

  it('the in-process `threadloom run` ends the same way against that engine, exit 0', async () => {
    const sim = await engine(dir, 12_288);
    engines.push(sim);
    const run = await runCli(['run', '--problem', LONG_PROBLEM, '--engine-url', sim.url, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const metrics = (JSON.parse(run.stdout) as { metrics: { termination: string } }).metrics;
    expect(metrics.termination).toBe('thread_length');
  });
});
