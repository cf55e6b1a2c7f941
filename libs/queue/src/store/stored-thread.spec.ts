import type { CallUnit, CompletionResult } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { storedThreadResult, threadResultOf, type StoredThread } from './stored-thread.js';

const step: CallUnit = {
  kind: 'sequential',
  block: 0,
  thread: null,
  contextChars: 3,
  completionStart: 0,
  completionEnd: 2,
  completionTokens: 2,
  finishReason: 'stop',
  stopReason: '</Outlines>',
  promptIds: { from: -1, keep: 0, tail: [1, 2, 3] },
  tokenIds: [4, 5],
  idsReusable: true,
};
const result: CompletionResult = {
  text: 'x</Thread>',
  finishReason: 'stop',
  stopReason: '</Thread>',
  completionTokens: 2,
  promptTokenIds: [1, 2, 3, 4, 5, 9],
  tokenIds: [7, 8],
};
const thread = (stored: Pick<StoredThread, 'result' | 'promptIds'>): StoredThread => ({
  number: '1',
  status: 'completed',
  ...stored,
  queueWaitMs: 0,
  timeToFirstTokenMs: 0,
  decodeMs: 0,
  machine: 'm',
  attempts: 1,
  startedAt: 0,
  finishedAt: 0,
});

describe('stored thread results', () => {
  it('store a thread’s prompt ids against the state’s units (the context once) and restore them', () => {
    const stored = storedThreadResult(result, [step]);
    expect(stored.promptIds).toEqual({ from: 0, keep: 5, tail: [9] });
    expect(stored.result).not.toHaveProperty('promptTokenIds');
    expect(threadResultOf(thread(stored), [step])).toEqual(result);
  });

  it('leave a result without ids as it is', () => {
    const { promptTokenIds: _p, tokenIds: _t, ...plain } = result;
    expect(storedThreadResult(plain, [step])).toEqual({ result: plain });
    expect(threadResultOf(thread({ result: plain }), [step])).toEqual(plain);
  });
});
