// Cancellation, deadline, budgets, sequential mode and idempotency keys through the library client.
import { setTimeout as sleep } from 'node:timers/promises';
import { IdempotencyConflictError } from '@threadloom/contracts';
import { RedisReasoningClient } from '@threadloom/queue';
import { renderUserPrompt } from '@threadloom/threading';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allEvents, firstEvent } from './support/events.js';
import { unfinishedJobs } from './support/queue-counts.js';
import { startScriptedStack, type ScriptedStack } from './support/scripted-stack.js';

const PREFIX = '{tl-control}';
const model = 'scripted';

describe('request control', () => {
  let s: ScriptedStack;

  beforeAll(async () => {
    s = await startScriptedStack(inject('redisUrl'), PREFIX);
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('cancels: status cancelled, running engine calls aborted within a second, no job left', async () => {
    const { client } = s.stack;
    const view = await client.submit({ prompt: renderUserPrompt('slow cancel me'), model });
    await firstEvent(client, [view.id], (event) => event.type === 'thread_started');
    // A started job may not have reached the engine yet; cancel once a thread call is really in flight.
    const threadCallInFlight = (): boolean =>
      s.engine.log.requests.some((r) => r.thread !== null && r.prompt.includes('slow cancel me'));
    await expect.poll(threadCallInFlight, { timeout: 10_000 }).toBe(true);
    const cancelledAt = Date.now();
    expect((await client.cancel(view.id))?.status).toBe('cancelled');
    await sleep(1_200);
    const aborts = s.engine.log.aborts.filter((at) => at >= cancelledAt);
    expect(aborts.length).toBeGreaterThan(0);
    expect(Math.max(...aborts) - cancelledAt).toBeLessThan(1_000);
    expect((await allEvents(client, view.id)).map((event) => event.type)).toContain('cancelled');
    await expect.poll(() => unfinishedJobs(inject('redisUrl'), PREFIX), { timeout: 10_000 }).toBe(0);
    expect((await client.get(view.id))?.status).toBe('cancelled');
  });

  it('expires at the deadline and keeps the partial trajectory', async () => {
    const { client } = s.stack;
    const view = await client.submit({
      prompt: renderUserPrompt('slow deadline'),
      model,
      parameters: { deadlineMs: 1_500 },
    });
    const done = await client.waitForResult(view.id, { timeoutMs: 10_000 });
    expect(done.status).toBe('expired');
    expect(done.result?.text).toMatch(/<\/Outlines>$/);
    expect(done.updatedAt - done.createdAt).toBeLessThan(4_000);
  });

  it('enforces max tokens per thread and the total token budget like the in-process runtime', async () => {
    const { client } = s.stack;
    const perThread = await client.submit({
      prompt: renderUserPrompt('normal per-thread cap'),
      model,
      parameters: { maxTokensPerThread: 5 },
    });
    const total = await client.submit({
      prompt: renderUserPrompt('budget total cap'),
      model,
      parameters: { maxTokens: 30 },
    });
    const [a, b] = await Promise.all([perThread, total].map((v) => client.waitForResult(v.id, { timeoutMs: 20_000 })));
    expect(a!.result?.text).toBe(await s.reference('normal per-thread cap', { maxTokensPerThread: 5 }));
    const threadCalls = s.engine.log.requests.filter((r) => r.thread !== null && r.prompt.includes('per-thread cap'));
    expect(Math.max(...threadCalls.map((r) => r.maxTokens))).toBeLessThanOrEqual(5);
    expect(b!.result?.text).toBe(await s.reference('budget total cap', { maxTotalTokens: 30 }));
    expect(b!.result?.termination).toBe('budget');
  });

  it('runs at most maxConcurrentThreads threads of a request at once, and still decodes every outline', async () => {
    const { client } = s.stack;
    const view = await client.submit({
      prompt: renderUserPrompt('concurrent one at a time'),
      model,
      parameters: { maxConcurrentThreads: 1 },
    });
    const done = await client.waitForResult(view.id, { timeoutMs: 20_000 });
    expect(done.status, done.error).toBe('completed');
    expect(s.engine.log.peakThreads.get('concurrent')).toBe(1);
    expect(done.result?.blocks[0]?.threads.map((t) => t.status)).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    expect(done.result?.text).toBe(await s.reference('concurrent one at a time'));
  });

  it('stops at the iteration cap', async () => {
    const capped = await new RedisReasoningClient({
      redisUrl: inject('redisUrl'),
      keyPrefix: PREFIX,
      maxIterations: 3,
    }).connect();
    try {
      const view = await capped.submit({ prompt: renderUserPrompt('loop forever'), model });
      const done = await capped.waitForResult(view.id, { timeoutMs: 20_000 });
      expect(done.result?.termination).toBe('iteration_cap');
      expect(done.result?.text).toBe(await s.reference('loop forever', { maxIterations: 3 }));
    } finally {
      await capped.close();
    }
  });

  it('decodes the whole response as one stream in sequential mode', async () => {
    const { client } = s.stack;
    const view = await client.submit({
      prompt: renderUserPrompt('normal sequential baseline'),
      model,
      parameters: { mode: 'sequential' },
    });
    const done = await client.waitForResult(view.id, { timeoutMs: 20_000 });
    expect(done.result?.text).toBe(await s.reference('normal sequential baseline', { mode: 'sequential' }));
    expect(done.result?.engineRequests).toBe(1);
  });

  it('replays an idempotency key with the same body and rejects a different body', async () => {
    const { client } = s.stack;
    const submission = { prompt: renderUserPrompt('normal idempotent'), model };
    const first = await client.submit(submission, { idempotencyKey: 'key-1' });
    const again = await client.submit(submission, { idempotencyKey: 'key-1' });
    expect(again.id).toBe(first.id);
    await expect(
      client.submit({ ...submission, prompt: renderUserPrompt('normal other body') }, { idempotencyKey: 'key-1' }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    await client.waitForResult(first.id, { timeoutMs: 20_000 });
  });
});
