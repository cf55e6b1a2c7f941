// ENGINE_PROMPT_MODE=token-exact: every prompt goes as token ids, the ids the engine generated reused exactly as
// returned and only the orchestrator's text tokenized by the engine's /tokenize; Figure 6 comes out byte for
// byte, in the same 7 calls as text mode, which still sends text.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkVllmCompletionRequest } from '@threadloom/contracts';
import type { SupervisedProcess } from '@threadloom/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIGURE6 } from '../support/figure6.js';
import { capturedRequests, requestsOf, type CapturedRequest } from './support/captured-requests.js';
import { startSim, startStack, type Stack } from './support/stack.js';

interface Call {
  readonly kind: 'step' | 'thread';
  /** Step: its iteration; thread: its block. */
  readonly at: number;
  /** A thread's outline number. */
  readonly thread: string | null;
  readonly sent: string | number[];
  readonly prompt: number[];
  readonly output: number[];
}

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** A captured call with the ids the simulator returns for it (replayed whole: the simulator is deterministic). */
async function withIds(simUrl: string, request: CapturedRequest): Promise<Call> {
  const { stream: _stream, stream_options: _options, ...body } = request.body;
  const answer = await post(`${simUrl}/v1/completions`, { ...body, stream: false });
  const choice = (answer['choices'] as { prompt_token_ids: number[]; token_ids: number[] }[])[0]!;
  const place = request.requestIdHeader!.split(':').at(-1)!;
  const thread = /^(\d+)_path_([\d.]+)$/.exec(place);
  return {
    kind: thread === null ? 'step' : 'thread',
    at: Number(thread === null ? place : thread[1]),
    thread: thread === null ? null : thread[2]!,
    sent: request.body.prompt,
    prompt: choice.prompt_token_ids,
    output: choice.token_ids,
  };
}

function startsWith(ids: readonly number[], prefix: readonly number[]): boolean {
  return prefix.length <= ids.length && prefix.every((id, i) => ids[i] === id);
}

function indexOfRun(ids: readonly number[], run: readonly number[], from: number): number {
  for (let i = from; i + run.length <= ids.length; i++) if (run.every((id, j) => ids[i + j] === id)) return i;
  return -1;
}

describe('token-exact prompts', () => {
  let dir: string;
  let capture: string;
  let sim: { sim: SupervisedProcess; url: string };
  let exact: Stack;
  let text: Stack;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tl-token-exact-'));
    capture = join(dir, 'requests.jsonl');
    sim = await startSim({ timeScale: 0 }, { SIM_CAPTURE_REQUESTS: capture });
    const common = { redisUrl: inject('redisUrl'), machines: 1, engineUrl: sim.url };
    exact = await startStack({
      ...common,
      keyPrefix: '{tl-token-exact}',
      workerEnv: { ENGINE_PROMPT_MODE: 'token-exact' },
    });
    text = await startStack({ ...common, keyPrefix: '{tl-token-text}', workerEnv: { ENGINE_PROMPT_MODE: 'text' } });
  });
  afterAll(async () => {
    await exact?.stop();
    await text?.stop();
    await sim?.sim.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function figure6Calls(stack: Stack): Promise<Call[]> {
    const submitted = await stack.client.submit({ prompt: FIGURE6.prompt });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 60_000 });
    expect(view.status, view.error).toBe('completed');
    expect(view.result!.text).toBe(FIGURE6.assistant);
    const calls = requestsOf(capturedRequests(capture), submitted.id);
    return Promise.all(calls.map((call) => withIds(sim.url, call)));
  }

  it('reproduces Figure 6 byte for byte in 7 calls whose prompts reuse every generated id exactly as returned', async () => {
    const calls = await figure6Calls(exact);
    expect(calls).toHaveLength(7);
    for (const call of calls) {
      expect(Array.isArray(call.sent)).toBe(true);
      // The engine saw exactly the ids sent (vLLM takes an id prompt as it is).
      expect(call.prompt).toEqual(call.sent);
    }
    const steps = calls.filter((call) => call.kind === 'step').sort((a, b) => a.at - b.at);
    expect(steps).toHaveLength(3);
    steps.slice(0, 2).forEach((step, block) => {
      const context = [...step.prompt, ...step.output];
      const threads = calls.filter((call) => call.kind === 'thread' && call.at === block);
      expect(threads).toHaveLength(2);
      // Each thread continues the step's prompt and generated ids, then its header.
      for (const thread of threads) expect(startsWith(thread.prompt, context)).toBe(true);
      // The next step continues them too, with each thread's generated ids in outline order inside the join.
      const next = steps[block + 1]!;
      expect(startsWith(next.prompt, context)).toBe(true);
      let at = context.length;
      for (const thread of threads.sort((a, b) => Number(a.thread) - Number(b.thread))) {
        at = indexOfRun(next.prompt, thread.output, at);
        expect(next.prompt.slice(at, at + thread.output.length)).toEqual(thread.output);
        at += thread.output.length;
      }
    });
    const last = steps[2]!;
    const detokenized = await post(`${sim.url}/detokenize`, { tokens: [...last.prompt, ...last.output] });
    expect(`${String(detokenized['prompt'])}\n`).toBe(FIGURE6.full);
  });

  it('keeps text mode as it was: text prompts, the same ids seen by the engine and the same answer', async () => {
    const exactCalls = await figure6Calls(exact);
    const textCalls = await figure6Calls(text);
    expect(textCalls).toHaveLength(7);
    for (const call of textCalls) expect(typeof call.sent).toBe('string');
    const key = (call: Call) => `${call.kind}:${call.at}:${JSON.stringify(call.prompt)}`;
    // The simulator's tokenizer re-tokenizes these boundaries canonically, so both modes reach the same ids.
    expect(textCalls.map(key).sort()).toEqual(exactCalls.map(key).sort());
  });

  it("sends only valid vLLM CompletionRequest fields in both modes, an id list as token-exact's prompt", () => {
    const calls = capturedRequests(capture);
    expect(calls.some((call) => Array.isArray(call.body.prompt))).toBe(true);
    expect(calls.some((call) => typeof call.body.prompt === 'string')).toBe(true);
    for (const { body } of calls) expect(checkVllmCompletionRequest(body)).toEqual({ issues: [], unknownFields: [] });
  });

  it('has the engine take a non-canonical id prompt as it is, where the same text re-tokenized differs', async () => {
    const tokens = async (prompt: string) =>
      (await post(`${sim.url}/tokenize`, { prompt, add_special_tokens: false }))['tokens'] as number[];
    // "ab" + "cd" as two ids, as a model may generate them; the tokenizer encodes "abcd" as one.
    const generated = [...(await tokens('ab')), ...(await tokens('cd'))];
    const canonical = await tokens(`${FIGURE6.prompt}abcd`);
    const sent = [...(await tokens(FIGURE6.prompt)), ...generated];
    expect(canonical).not.toEqual(sent);
    const body = { max_tokens: 1, return_token_ids: true, add_special_tokens: false };
    const byIds = await post(`${sim.url}/v1/completions`, { ...body, prompt: sent });
    const byText = await post(`${sim.url}/v1/completions`, { ...body, prompt: `${FIGURE6.prompt}abcd` });
    const promptIds = (answer: Record<string, unknown>) =>
      (answer['choices'] as { prompt_token_ids: number[] }[])[0]!.prompt_token_ids;
    expect(promptIds(byIds)).toEqual(sent);
    expect((byIds['usage'] as { prompt_tokens: number }).prompt_tokens).toBe(sent.length);
    expect(promptIds(byText)).toEqual(canonical);
  });
});
