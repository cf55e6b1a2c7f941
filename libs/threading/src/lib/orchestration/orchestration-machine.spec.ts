import { describe, expect, it } from 'vitest';
import { MULTIVERSE_DIALECT, THREADWEAVER_DIALECT } from '../dialect/index.js';
import { afterJoin } from './after-join.js';
import type { CompletionResult } from './engine.js';
import { afterSequential, buildThreadRequest, pendingAction, startOrchestration } from './orchestration-machine.js';
import type { OrchestrationStep, ThreadOutcome } from './orchestrator-state.js';

const PROMPT = '<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n';
const PLAN = '<think>\nGo.\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>';
const stopped = (text: string, stop: string): CompletionResult => ({
  text,
  finishReason: 'stop',
  stopReason: stop,
  completionTokens: 10,
});
const plan = (text = PLAN) => stopped(text, '</Outlines>');
const thread = (number: string, body: string): ThreadOutcome => ({
  number,
  status: 'completed',
  result: stopped(`${body}\n</Thread>`, '</Thread>'),
});

function forked(text = PLAN): OrchestrationStep {
  return afterSequential(startOrchestration(PROMPT).state, plan(text));
}

describe('orchestration state machine', () => {
  it('starts with a sequential decode stopped by the plan close', () => {
    const { state, action } = startOrchestration(PROMPT);
    expect(action).toEqual({ type: 'decode', request: { prompt: PROMPT, stop: ['</Outlines>'], maxTokens: 40_000 } });
    expect(state).toMatchObject({
      phase: 'sequential',
      iteration: 1,
      response: '',
      termination: null,
      dialect: 'threadweaver',
    });
  });

  it('forks one thread per outline; every thread prompt is the context plus the first-thread header', () => {
    const { state, action } = forked();
    expect(action).toEqual({ type: 'fork', blockIndex: 0, threads: [{ number: '1' }, { number: '2' }] });
    expect(buildThreadRequest(state, '1')).toEqual({
      prompt: `${PROMPT}${PLAN}\n<Thread>\n1:`,
      stop: ['</Thread>'],
      maxTokens: 19_995,
    });
    expect(buildThreadRequest(state, '2').prompt).toBe(`${PROMPT}${PLAN}\n<Thread>\n2:`);
  });

  it('joins in outline order with the first and later headers and the join suffix, then decodes on', () => {
    const { state } = forked();
    const joined = afterJoin(state, [thread('2', ' y'), thread('1', ' x')]);
    const response = `${PLAN}\n<Thread>\n1: x\n</Thread><Thread>\n2: y\n</Thread>\n`;
    expect(joined.state.response).toBe(response);
    expect(joined.action).toEqual({
      type: 'decode',
      request: { prompt: PROMPT + response, stop: ['</Outlines>'], maxTokens: 39_970 },
    });
    expect(joined.state.blocks[0]).toMatchObject({
      joinOffset: response.length,
      closedByOrchestrator: false,
      dropped: [],
    });
    expect(joined.state.generatedTokens).toBe(30);
  });

  it('stays sequential on a plan with zero parseable outlines (autoregressive fallback)', () => {
    const step = afterSequential(startOrchestration(PROMPT).state, plan('<Parallel>\n<Outlines>\n</Outlines>'));
    expect(step.action).toMatchObject({
      type: 'decode',
      request: { prompt: `${PROMPT}<Parallel>\n<Outlines>\n</Outlines>` },
    });
    expect(step.state.blocks).toEqual([]);
  });

  it('does not re-spawn an earlier block when a step closes a plan it never opened', () => {
    const joined = afterJoin(forked().state, [thread('1', ' x'), thread('2', ' y')]);
    const step = afterSequential(joined.state, plan('</Parallel>\n<Outline>3: c</Outline>\n</Outlines>'));
    expect(step.action.type).toBe('decode');
    expect(step.state.blocks).toHaveLength(1);
  });

  it('de-duplicates outline numbers, keeping the first occurrence', () => {
    const { state, action } = forked(
      '<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n<Outline>1: again</Outline>\n</Outlines>',
    );
    expect(action).toMatchObject({ threads: [{ number: '1' }, { number: '2' }] });
    expect(state.blocks[0]).toMatchObject({
      outlines: ['1', '2'],
      duplicates: ['1'],
      spawned: ['1', '2'],
      unspawned: [],
    });
  });

  it('continues identically from a JSON round trip of the state (the distributed runtime stores it)', () => {
    const { state } = forked();
    const stored: typeof state = JSON.parse(JSON.stringify(state));
    const outcomes = [thread('1', ' x'), thread('2', ' y')];
    expect(afterJoin(stored, outcomes)).toEqual(afterJoin(state, outcomes));
    expect(buildThreadRequest(stored, '2')).toEqual(buildThreadRequest(state, '2'));
  });

  it('recomputes the pending action of any state', () => {
    const start = startOrchestration(PROMPT);
    const fork = forked();
    expect(pendingAction(start.state)).toEqual(start.action);
    expect(pendingAction(fork.state)).toEqual(fork.action);
  });

  it('uses the dialect the state was started with', () => {
    const text = '<Parallel>\n<Goal>\n<Outline>1: a</Outline>\n</Goal>';
    const start = startOrchestration(PROMPT, {}, MULTIVERSE_DIALECT);
    expect(start.action).toMatchObject({ request: { stop: ['</Goal>'] } });
    const { state } = afterSequential(start.state, stopped(text, '</Goal>'));
    expect(buildThreadRequest(state, '1')).toEqual({
      prompt: `${PROMPT}${text}\n<Path>\n1:`,
      stop: ['</Path>'],
      maxTokens: 39_990,
    });
    const joined = afterJoin(state, [{ number: '1', status: 'completed', result: stopped(' x\n</Path>', '</Path>') }]);
    expect(joined.state.response).toBe(`${text}\n<Path>\n1: x\n</Path>\n`);
  });

  it('refuses calls in the wrong phase, for unknown threads and with another dialect', () => {
    const start = startOrchestration(PROMPT);
    const fork = forked();
    expect(() => afterJoin(start.state, [])).toThrow(
      expect.objectContaining({ name: 'OrchestrationError', code: 'wrong_phase' }),
    );
    expect(() => afterSequential(fork.state, plan())).toThrow(expect.objectContaining({ code: 'wrong_phase' }));
    expect(() => buildThreadRequest(fork.state, '3')).toThrow(expect.objectContaining({ code: 'unknown_thread' }));
    expect(() => afterSequential(start.state, plan(), MULTIVERSE_DIALECT)).toThrow(
      expect.objectContaining({ code: 'dialect_mismatch' }),
    );
    expect(() => afterSequential({ ...start.state, dialect: 'custom' }, plan())).toThrow(
      expect.objectContaining({ code: 'unknown_dialect' }),
    );
    expect(afterSequential(start.state, plan(), THREADWEAVER_DIALECT).action.type).toBe('fork');
  });

  it('rejects options no run could use', () => {
    expect(() => startOrchestration(PROMPT, { maxIterations: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => startOrchestration(PROMPT, { maxTotalTokens: 1.5 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
    expect(() => startOrchestration(PROMPT, { maxContextTokens: -1 })).toThrow(
      expect.objectContaining({ code: 'invalid_options' }),
    );
  });
});
