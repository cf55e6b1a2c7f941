import { describe, expect, it } from 'vitest';
import { afterJoin } from './after-join.js';
import type { CompletionResult } from './engine.js';
import { afterSequential, startOrchestration } from './orchestration-machine.js';
import type { OrchestratorOptions } from './orchestrator-options.js';
import type { OrchestrationStep, OrchestratorState, ThreadOutcome } from './orchestrator-state.js';

// Spec §2.6, RL-controller column: one test per row, plus the thread-failure policies.
const PROMPT = 'P:';
const PLAN = '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>';
const result = (
  text: string,
  finishReason: 'stop' | 'length',
  stopReason: string | null,
  extra: Partial<CompletionResult> = {},
): CompletionResult => ({ text, finishReason, stopReason, completionTokens: 10, ...extra });
const closed = (number: string, body: string): ThreadOutcome => ({
  number,
  status: 'completed',
  result: result(`${body}\n</Thread>`, 'stop', '</Thread>'),
});
const outcome = (number: string, r: CompletionResult): ThreadOutcome => ({ number, status: 'completed', result: r });

function forked(options: Partial<OrchestratorOptions> = {}): OrchestratorState {
  return afterSequential(startOrchestration(PROMPT, options).state, result(PLAN, 'stop', '</Outlines>')).state;
}

function sequential(...results: CompletionResult[]): OrchestrationStep {
  return results.reduce<OrchestrationStep>(
    (step, r) => afterSequential(step.state, r),
    startOrchestration(PROMPT, { maxIterations: 5 }),
  );
}

describe('failure handling (spec §2.6, RL controller)', () => {
  it('thread hits length: force-close it, finish the join, close the block, done', () => {
    const step = afterJoin(forked(), [closed('1', ' x'), outcome('2', result(' partial', 'length', null))]);
    expect(step.state.response).toBe(`${PLAN}\n<Thread>\n1: x\n</Thread><Thread>\n2: partial\n</Thread>\n</Parallel>`);
    expect(step.action).toEqual({ type: 'done', reason: 'thread_length' });
    expect(step.state.termination).toEqual({ reason: 'thread_length', thread: '2' });
    expect(step.state.blocks[0]).toMatchObject({ closedByOrchestrator: true });
    expect(step.state.blocks[0]!.threads[1]).toMatchObject({
      forcedClose: true,
      endedRequest: true,
      finishReason: 'length',
    });
  });

  it('thread emits EOS: truncate at EOS, force-close, close the block, done', () => {
    const step = afterJoin(forked(), [
      outcome('1', result(' done early', 'stop', null)),
      outcome('2', result(' y<|im_end|>tail', 'stop', null)),
    ]);
    expect(step.state.response).toBe(
      `${PLAN}\n<Thread>\n1: done early\n</Thread><Thread>\n2: y\n</Thread>\n</Parallel>`,
    );
    expect(step.state.termination).toEqual({ reason: 'thread_eos', thread: '1' });
  });

  it('sequential phase ends on EOS with no plan close: done, EOS not in the text', () => {
    const step = sequential(result('<think>\nx\n</think>\n\n\\boxed{1}', 'stop', null));
    expect(step.action).toEqual({ type: 'done', reason: 'eos' });
    expect(step.state.response).toBe('<think>\nx\n</think>\n\n\\boxed{1}');
  });

  it('sequential phase hits length with no plan close: done', () => {
    const step = sequential(result('<think>\nx', 'length', null));
    expect(step.action).toEqual({ type: 'done', reason: 'length' });
    expect(step.state.response).toBe('<think>\nx');
  });

  it('sequential phase returns nothing: done', () => {
    expect(sequential(result('', 'stop', null)).action).toEqual({ type: 'done', reason: 'empty_output' });
  });

  it('plan close with zero parseable outlines: stay sequential and keep decoding', () => {
    const step = sequential(
      result('<Outlines>\n<Outline>a</Outline>\n</Outlines>', 'stop', '</Outlines>'),
      result(' then \\boxed{2}', 'stop', null),
    );
    expect(step.state.response).toBe('<Outlines>\n<Outline>a</Outline>\n</Outlines> then \\boxed{2}');
    expect(step.state.units.map((unit) => unit.kind)).toEqual(['sequential', 'sequential']);
    expect(step.action).toEqual({ type: 'done', reason: 'eos' });
  });

  it('duplicate outline numbers: de-duplicate, one thread per number', () => {
    const step = sequential(
      result('<Outlines><Outline>1: a</Outline><Outline>1: b</Outline></Outlines>', 'stop', '</Outlines>'),
    );
    expect(step.action).toEqual({ type: 'fork', blockIndex: 0, threads: [{ number: '1' }] });
  });

  it('request would exceed the context: max tokens capped to the context left, then the guard stops', () => {
    const start = startOrchestration(PROMPT, { maxContextTokens: 1000 });
    const first = afterSequential(
      start.state,
      result('<Outlines></Outlines>', 'stop', '</Outlines>', { promptTokens: 900, completionTokens: 50 }),
    );
    expect(first.action).toMatchObject({ type: 'decode', request: { maxTokens: 50 } });
    const second = afterSequential(
      first.state,
      result('<Outlines></Outlines>', 'stop', '</Outlines>', { promptTokens: 950, completionTokens: 50 }),
    );
    expect(second.action).toEqual({ type: 'done', reason: 'context' });
    expect(second.state.response).toBe('<Outlines></Outlines><Outlines></Outlines>');
  });

  it('more than maxIterations steps: stop with no closing tags', () => {
    const looping = result('<Parallel>\n<Outlines>\n</Outlines>', 'stop', '</Outlines>');
    const step = sequential(looping, looping, looping, looping, looping);
    expect(step.action).toEqual({ type: 'done', reason: 'iteration_cap' });
    expect(step.state.iteration).toBe(5);
    expect(step.state.response.endsWith('</Outlines>')).toBe(true);
  });

  it('counts a fork as an iteration: the cap can stop a run right before forking', () => {
    const state = afterSequential(
      startOrchestration(PROMPT, { maxIterations: 1 }).state,
      result(PLAN, 'stop', '</Outlines>'),
    ).state;
    expect(state.termination).toEqual({ reason: 'iteration_cap' });
    expect(state.blocks).toEqual([]);
  });
});

describe('onThreadFailure', () => {
  const failed: ThreadOutcome = { number: '2', status: 'failed', error: 'engine unavailable' };

  it('fail (default): ends the request naming the thread and leaves the text at the fork', () => {
    const step = afterJoin(forked(), [closed('1', ' x'), failed]);
    expect(step.action).toEqual({ type: 'done', reason: 'thread_failed' });
    expect(step.state.termination).toEqual({
      reason: 'thread_failed',
      thread: '2',
      message: 'thread 2: engine unavailable',
    });
    expect(step.state.response).toBe(PLAN);
    expect(step.state.blocks[0]!.threads.map((t) => t.status)).toEqual(['completed', 'failed']);
  });

  it('drop: force-closes the failed thread empty, records it and continues', () => {
    const step = afterJoin(forked({ onThreadFailure: 'drop' }), [closed('1', ' x'), failed]);
    expect(step.state.response).toBe(`${PLAN}\n<Thread>\n1: x\n</Thread><Thread>\n2:\n</Thread>\n`);
    expect(step.action.type).toBe('decode');
    expect(step.state.blocks[0]).toMatchObject({ dropped: ['2'], closedByOrchestrator: false });
    expect(step.state.units.map((unit) => unit.thread)).toEqual([null, '1']);
  });

  it('treats a thread with no outcome as failed', () => {
    const step = afterJoin(forked(), [closed('1', ' x')]);
    expect(step.state.termination).toMatchObject({ reason: 'thread_failed', thread: '2' });
  });
});

describe('appendBlockCloseAtJoin', () => {
  it('false (default): the join ends with the join suffix; the model emits the block close', () => {
    expect(afterJoin(forked(), [closed('1', ' x'), closed('2', ' y')]).state.response.endsWith('</Thread>\n')).toBe(
      true,
    );
  });

  it('true: the join appends the block close before the join suffix (paper behaviour)', () => {
    const step = afterJoin(forked({ appendBlockCloseAtJoin: true }), [closed('1', ' x'), closed('2', ' y')]);
    expect(step.state.response).toBe(`${PLAN}\n<Thread>\n1: x\n</Thread><Thread>\n2: y\n</Thread>\n</Parallel>\n`);
    expect(step.action.type).toBe('decode');
    expect(step.state.blocks[0]).toMatchObject({ closedByOrchestrator: true });
  });
});
