import { describe, expect, it } from 'vitest';
import { afterJoin } from './after-join.js';
import type { CompletionResult } from './engine.js';
import { afterSequential, buildThreadRequest, startOrchestration } from './orchestration-machine.js';
import type { OrchestratorOptions } from './orchestrator-options.js';
import type { ThreadOutcome } from './orchestrator-state.js';

const PROMPT = 'P:';
const outlines = (...numbers: string[]) =>
  `<Parallel>\n<Outlines>\n${numbers.map((n) => `<Outline>${n}: t</Outline>\n`).join('')}</Outlines>`;
const result = (
  text: string,
  stopReason: string | null,
  completionTokens: number,
  finishReason: 'stop' | 'length' = 'stop',
): CompletionResult => ({ text, finishReason, stopReason, completionTokens });
const thread = (number: string, tokens: number): ThreadOutcome => ({
  number,
  status: 'completed',
  result: result(` ${number}\n</Thread>`, '</Thread>', tokens),
});

function fork(options: Partial<OrchestratorOptions>, planTokens: number, ...numbers: string[]) {
  return afterSequential(
    startOrchestration(PROMPT, options).state,
    result(outlines(...numbers), '</Outlines>', planTokens),
  );
}

describe('budgets (spec §2.7)', () => {
  it('caps each sequential request to the total budget left and to maxTokensPerStep', () => {
    expect(startOrchestration(PROMPT, { maxTotalTokens: 100 }).action).toMatchObject({ request: { maxTokens: 100 } });
    expect(startOrchestration(PROMPT, { maxTotalTokens: 100, maxTokensPerStep: 30 }).action).toMatchObject({
      request: { maxTokens: 30 },
    });
    const next = afterSequential(
      startOrchestration(PROMPT, { maxTotalTokens: 100 }).state,
      result('<Outlines></Outlines>', '</Outlines>', 70),
    );
    expect(next.action).toMatchObject({ type: 'decode', request: { maxTokens: 30 } });
  });

  it('splits the budget left between the threads of a block so they cannot overshoot together', () => {
    const { state } = fork({ maxTotalTokens: 100 }, 40, '1', '2', '3');
    expect(state.blocks[0]!.threadMaxTokens).toBe(20);
    expect(buildThreadRequest(state, '3').maxTokens).toBe(20);
  });

  it('caps each thread to maxTokensPerThread', () => {
    const { state } = fork({ maxTotalTokens: 1000, maxTokensPerThread: 64 }, 40, '1', '2');
    expect(buildThreadRequest(state, '1').maxTokens).toBe(64);
  });

  it('ends at the fork when fewer tokens are left than threads to decode', () => {
    const step = fork({ maxTotalTokens: 41 }, 40, '1', '2');
    expect(step.state.termination).toEqual({ reason: 'budget', message: 'no tokens left for one per thread' });
    expect(step.state.response).toBe(outlines('1', '2'));
  });

  it('closes the block and ends when a join reaches the total budget', () => {
    const { state } = fork({ maxTotalTokens: 100 }, 40, '1', '2');
    const step = afterJoin(state, [thread('1', 30), thread('2', 30)]);
    expect(step.action).toEqual({ type: 'done', reason: 'budget' });
    expect(step.state.response).toBe(
      `${outlines('1', '2')}\n<Thread>\n1: 1\n</Thread><Thread>\n2: 2\n</Thread>\n</Parallel>`,
    );
    expect(step.state.generatedTokens).toBe(100);
  });

  it('stops without closing tags when the guard finds the budget spent before a step', () => {
    const step = afterSequential(
      startOrchestration(PROMPT, { maxTotalTokens: 50 }).state,
      result('<Outlines></Outlines>', '</Outlines>', 50),
    );
    expect(step.action).toEqual({ type: 'done', reason: 'budget' });
    expect(step.state.response).toBe('<Outlines></Outlines>');
  });

  it('reports budget, not length, when a sequential step runs out of the total budget', () => {
    const step = afterSequential(
      startOrchestration(PROMPT, { maxTotalTokens: 50 }).state,
      result('<think>\nlong', null, 50, 'length'),
    );
    expect(step.action).toEqual({ type: 'done', reason: 'budget' });
  });

  it('spawns at most maxThreadsPerBlock threads; the other outlines are recorded as unspawned and left out of the join', () => {
    const { state, action } = fork({ maxThreadsPerBlock: 2 }, 10, '1', '2', '3');
    expect(action).toEqual({ type: 'fork', blockIndex: 0, threads: [{ number: '1' }, { number: '2' }] });
    expect(state.blocks[0]).toMatchObject({ outlines: ['1', '2', '3'], spawned: ['1', '2'], unspawned: ['3'] });
    const joined = afterJoin(state, [thread('1', 5), thread('2', 5)]);
    expect(joined.state.response).toBe(
      `${outlines('1', '2', '3')}\n<Thread>\n1: 1\n</Thread><Thread>\n2: 2\n</Thread>\n`,
    );
  });

  it('ignores non-finite or negative token counts from an engine', () => {
    const step = afterSequential(
      startOrchestration(PROMPT).state,
      result('<Outlines></Outlines>', '</Outlines>', Number.NaN),
    );
    expect(step.state.generatedTokens).toBe(0);
    expect(afterSequential(step.state, result('x', null, -5)).state.generatedTokens).toBe(0);
  });
});

describe('sequential mode (the autoregressive baseline)', () => {
  it('sends one request with no stop strings besides EOS and finishes on its result', () => {
    const start = startOrchestration(PROMPT, { mode: 'sequential', maxTotalTokens: 500 });
    expect(start.action).toEqual({ type: 'decode', request: { prompt: PROMPT, stop: [], maxTokens: 500 } });
    const text = `${outlines('1')}\n<Thread>\n1: x\n</Thread>\n</Parallel>\nanswer`;
    const step = afterSequential(start.state, result(text, null, 80));
    expect(step.action).toEqual({ type: 'done', reason: 'eos' });
    expect(step.state.response).toBe(text);
    expect(step.state.blocks).toEqual([]);
  });

  it('never forks, even on a result stopped at a plan close', () => {
    const start = startOrchestration(PROMPT, { mode: 'sequential' });
    expect(afterSequential(start.state, result(outlines('1'), '</Outlines>', 10)).action).toEqual({
      type: 'done',
      reason: 'eos',
    });
  });

  it('reports length when the single request hits its max tokens', () => {
    const start = startOrchestration(PROMPT, { mode: 'sequential' });
    expect(afterSequential(start.state, result('<think>\n…', null, 10, 'length')).action).toEqual({
      type: 'done',
      reason: 'length',
    });
  });
});
