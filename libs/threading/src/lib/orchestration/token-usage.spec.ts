import { describe, expect, it } from 'vitest';
import { afterJoin } from './after-join.js';
import type { CompletionResult } from './engine.js';
import { afterSequential, startOrchestration } from './orchestration-machine.js';
import type { ThreadOutcome } from './orchestrator-state.js';
import { tokenUsage } from './token-usage.js';

const PROMPT = '<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n';
const PLAN = '<think>\nGo.\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>';

const result = (text: string, stop: string | null, usage: Partial<CompletionResult>): CompletionResult => ({
  text,
  finishReason: 'stop',
  stopReason: stop,
  completionTokens: 0,
  ...usage,
});
const thread = (number: string, completionTokens: number, extra: Partial<CompletionResult> = {}): ThreadOutcome => ({
  number,
  status: 'completed',
  result: result(` body\n</Thread>`, '</Thread>', { completionTokens, promptTokens: 40, cachedTokens: 30, ...extra }),
});

function forkedRun(threads: readonly ThreadOutcome[]) {
  const start = startOrchestration(PROMPT).state;
  const forked = afterSequential(
    start,
    result(PLAN, '</Outlines>', { completionTokens: 20, promptTokens: 12, cachedTokens: 0 }),
  );
  const joined = afterJoin(forked.state, threads);
  return afterSequential(
    joined.state,
    result('done', null, { completionTokens: 5, promptTokens: 90, cachedTokens: 64 }),
  ).state;
}

describe('tokenUsage', () => {
  it('sums engine usage: every generated token, the request prompt, cached tokens, steps plus the longest thread', () => {
    const usage = tokenUsage(forkedRun([thread('1', 7), thread('2', 11)]));
    expect(usage).toEqual({
      promptTokens: 12,
      completionTokens: 20 + 7 + 11 + 5,
      cachedTokens: 30 + 30 + 64,
      criticalPathTokens: 20 + 11 + 5,
      tokenSpeedup: 43 / 36,
      calls: 4,
      source: 'engine',
    });
  });

  it('says when some counts came from the tokenizer', () => {
    const usage = tokenUsage(forkedRun([thread('1', 7, { usageSource: 'tokenizer' }), thread('2', 11)]));
    expect(usage.source).toBe('mixed');
  });

  it('reports no prompt and a speedup of 1 before any call', () => {
    const usage = tokenUsage(startOrchestration(PROMPT).state);
    expect(usage).toMatchObject({
      promptTokens: null,
      completionTokens: 0,
      tokenSpeedup: 1,
      calls: 0,
      source: 'engine',
    });
  });
});
