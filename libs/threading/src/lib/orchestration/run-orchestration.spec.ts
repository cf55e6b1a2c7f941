import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { CompletionRequest, CompletionResult, Engine } from './engine.js';
import { runOrchestration } from './run-orchestration.js';

const PLAN =
  '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n<Outline>3: c</Outline>\n</Outlines>';
const ok = (text: string, stopReason: string | null): CompletionResult => ({
  text,
  finishReason: 'stop',
  stopReason,
  completionTokens: 5,
});

/** One block of three threads, then the answer; `onThread` can delay or fail a thread. */
function blockEngine(
  onThread: (request: CompletionRequest) => Promise<void> = () => Promise.resolve(),
): Engine & { calls: CompletionRequest[] } {
  const calls: CompletionRequest[] = [];
  return {
    calls,
    async complete(request) {
      calls.push(request);
      if (request.stop.includes('</Thread>')) {
        await onThread(request);
        return ok(` body\n</Thread>`, '</Thread>');
      }
      return request.prompt.endsWith('</Outlines>') || request.prompt.endsWith('</Thread>\n')
        ? ok('</Parallel>\nanswer', null)
        : ok(PLAN, '</Outlines>');
    },
  };
}

const never = (request: CompletionRequest): Promise<never> =>
  new Promise((_resolve, reject) => {
    request.signal?.addEventListener('abort', () => reject(new Error('engine saw the abort')));
  });

describe('runOrchestration', () => {
  it('runs a block and finishes, counting every engine request', async () => {
    const run = await runOrchestration('P:', blockEngine());
    expect(run.text).toBe(
      `${PLAN}\n<Thread>\n1: body\n</Thread><Thread>\n2: body\n</Thread><Thread>\n3: body\n</Thread>\n</Parallel>\nanswer`,
    );
    expect(run.requests).toBe(5);
    expect(run.termination).toEqual({ reason: 'eos' });
    expect(run.units).toHaveLength(5);
  });

  it('keeps at most maxConcurrentThreads threads in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const engine = blockEngine(async () => {
      peak = Math.max(peak, ++inFlight);
      await sleep(5);
      inFlight--;
    });
    await runOrchestration('P:', engine, { maxConcurrentThreads: 2 });
    expect(peak).toBe(2);
    peak = 0;
    await runOrchestration(
      'P:',
      blockEngine(async () => {
        peak = Math.max(peak, ++inFlight);
        await sleep(5);
        inFlight--;
      }),
    );
    expect(peak).toBe(3);
  });

  it('ends with engine_error when a sequential request fails', async () => {
    const run = await runOrchestration('P:', { complete: () => Promise.reject(new Error('connection refused')) });
    expect(run.termination).toEqual({ reason: 'engine_error', message: 'connection refused' });
    expect(run.text).toBe('');
  });

  it('hands a failed thread to onThreadFailure', async () => {
    const failing = (request: CompletionRequest) =>
      request.prompt.endsWith('2:') ? Promise.reject(new Error('OOM')) : Promise.resolve();
    const failed = await runOrchestration('P:', blockEngine(failing));
    expect(failed.termination).toEqual({ reason: 'thread_failed', thread: '2', message: 'thread 2: OOM' });
    const dropped = await runOrchestration('P:', blockEngine(failing), { onThreadFailure: 'drop' });
    expect(dropped.termination.reason).toBe('eos');
    expect(dropped.state.blocks[0]!.dropped).toEqual(['2']);
  });

  it('ends with aborted before any request when the signal is already aborted', async () => {
    const engine = blockEngine();
    const run = await runOrchestration('P:', engine, { signal: AbortSignal.abort('user cancelled') });
    expect(run.termination).toEqual({ reason: 'aborted', message: 'user cancelled' });
    expect(engine.calls).toHaveLength(0);
  });

  it('aborts a sequential request in flight, passing the signal to the engine and keeping the text so far', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const engine: Engine = { complete: (request) => ((seen = request.signal), never(request)) };
    const running = runOrchestration('P:', engine, { signal: controller.signal });
    controller.abort();
    const run = await running;
    expect(seen).toBe(controller.signal);
    expect(run.termination.reason).toBe('aborted');
    expect(run.text).toBe('');
  });

  it('aborts threads in flight even when the engine ignores the signal', async () => {
    const controller = new AbortController();
    const engine = blockEngine(() => {
      controller.abort(new Error('deadline'));
      return new Promise<void>(() => undefined);
    });
    const run = await runOrchestration('P:', engine, { signal: controller.signal });
    expect(run.termination).toEqual({ reason: 'aborted', message: 'deadline' });
    expect(run.text).toBe(PLAN);
  });

  it('rejects a maxConcurrentThreads below one', async () => {
    await expect(runOrchestration('P:', blockEngine(), { maxConcurrentThreads: 0 })).rejects.toMatchObject({
      code: 'invalid_options',
    });
  });
});
