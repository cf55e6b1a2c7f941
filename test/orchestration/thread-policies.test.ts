// Malformed model output (spec §2.6) and onThreadFailure, on a scripted engine: same text as in-process.
import { renderUserPrompt, runOrchestration, type RunOrchestrationOptions } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpEngine } from '../support/http-engine.js';
import { unfinishedJobs } from './support/queue-counts.js';
import { scenario } from './support/scenarios.js';
import { startScriptedEngine, type ScriptedEngine } from './support/scripted-engine.js';
import { startStack, type Stack } from './support/stack.js';

const PREFIX = '{tl-policies}';

describe('malformed output and thread failures', () => {
  let engine: ScriptedEngine;
  let stack: Stack;

  beforeAll(async () => {
    engine = await startScriptedEngine(scenario);
    stack = await startStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: PREFIX,
      machines: 2,
      engineUrl: engine.url,
      workerEnv: { REASON_ATTEMPTS: '2', THREAD_ATTEMPTS: '2', JOIN_ATTEMPTS: '2', MODEL_NAME: 'scripted' },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await engine?.close();
  });

  async function both(problem: string, options: RunOrchestrationOptions = {}) {
    const prompt = renderUserPrompt(problem);
    const reference = await runOrchestration(prompt, httpEngine(engine.url, 'scripted'), options);
    const onThreadFailure = options.onThreadFailure ?? 'fail';
    const submitted = await stack.client.submit({ prompt, model: 'scripted', parameters: { onThreadFailure } });
    const view = await stack.client.waitForResult(submitted.id, { timeoutMs: 30_000 });
    return { reference, view };
  }

  it.each([
    ['normal', 'eos'],
    ['unclosed', 'thread_length'],
    ['zero', 'eos'],
    ['duplicate', 'eos'],
    ['eos', 'thread_eos'],
  ])('%s output ends as in-process (%s), recorded in the result', async (name, termination) => {
    const { reference, view } = await both(`${name} problem`);
    expect(view.status, view.error).toBe('completed');
    expect(view.result?.text).toBe(reference.text);
    expect(view.result?.termination).toBe(termination);
    expect(reference.termination.reason).toBe(termination);
    for (const block of view.result?.blocks ?? [])
      expect(new Set(block.threads.map((t) => t.number)).size).toBe(block.threads.length);
  });

  it('fails the request naming the thread under onThreadFailure=fail', async () => {
    const { reference, view } = await both('failing problem', { onThreadFailure: 'fail' });
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/thread[^]*2/i);
    expect(view.result?.text).toBe(reference.text);
    expect(view.result?.termination).toBe('thread_failed');
  });

  it('drops the failed thread and continues under onThreadFailure=drop', async () => {
    const { reference, view } = await both('failing problem', { onThreadFailure: 'drop' });
    expect(view.status, view.error).toBe('completed');
    expect(view.result?.text).toBe(reference.text);
    const threads = view.result!.blocks[0]!.threads;
    expect(threads.find((t) => t.number === '2')?.status).toBe('dropped');
    expect(threads.filter((t) => t.status === 'completed').map((t) => t.number)).toEqual(['1', '3']);
  });

  it('does not retry a deterministic engine rejection (HTTP 400)', async () => {
    const before = engine.log.requests.length;
    const { view } = await both('rejected problem', { onThreadFailure: 'drop' });
    expect(view.status, view.error).toBe('completed');
    const rejectedCalls = engine.log.requests
      .slice(before)
      .filter((r) => r.thread === '2' && r.prompt.includes('rejected problem'));
    expect(rejectedCalls.length).toBe(2); // one reference call, one distributed attempt
  });

  it('leaves no job behind', async () => {
    expect(await unfinishedJobs(inject('redisUrl'), PREFIX)).toBe(0);
  });
});
