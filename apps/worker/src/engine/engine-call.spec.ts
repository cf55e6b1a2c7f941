import { describe, expect, it } from 'vitest';
import { engineCallIdentity } from './engine-call.js';

const DEFAULTS = { temperature: 1, topP: 1, topK: -1, minP: 0, repetitionPenalty: 1 };
const base = { mode: 'parallel', maxTokens: 40_000, onThreadFailure: 'fail' } as const;

describe('engineCallIdentity', () => {
  it('sends the deployment defaults explicitly and lets the request override each one', () => {
    const plain = engineCallIdentity(base, DEFAULTS, {
      requestId: 'r',
      place: { kind: 'step', iteration: 1 },
      attempt: 0,
    });
    expect(plain).toEqual({ sampling: { ...DEFAULTS, seed: undefined }, requestId: 'r:1' });
    const own = engineCallIdentity({ ...base, temperature: 0.6, topP: 0.95, topK: 20, minP: 0.05 }, DEFAULTS, {
      requestId: 'r',
      place: { kind: 'step', iteration: 1 },
      attempt: 0,
    });
    expect(own.sampling).toMatchObject({ temperature: 0.6, topP: 0.95, topK: 20, minP: 0.05, repetitionPenalty: 1 });
  });

  it('gives sibling threads distinct, reproducible seeds and ids; a retry keeps the seed, not the id', () => {
    const thread = (n: string, attempt = 0) =>
      engineCallIdentity({ ...base, seed: 42 }, DEFAULTS, {
        requestId: 'r',
        place: { kind: 'thread', block: 0, thread: n },
        attempt,
      });
    const [one, two, retried] = [thread('1'), thread('2'), thread('1', 1)];
    expect(one.sampling.seed).not.toBe(two.sampling.seed);
    expect(retried.sampling.seed).toBe(one.sampling.seed);
    expect([one.requestId, two.requestId, retried.requestId]).toEqual([
      'r:0_path_1',
      'r:0_path_2',
      'r:0_path_1.retry1',
    ]);
  });
});
