import { describe, expect, it } from 'vitest';
import { engineCallId, engineCallSeed } from './engine-call.js';

describe('engine call identity', () => {
  it('derives reproducible seeds that differ between siblings, steps and request seeds', () => {
    const thread = (t: string, seed = 7) => engineCallSeed(seed, { kind: 'thread', block: 0, thread: t });
    expect(thread('1')).toBe(thread('1'));
    const seeds = [
      thread('1'),
      thread('2'),
      thread('3'),
      thread('1', 8),
      engineCallSeed(7, { kind: 'step', iteration: 1 }),
    ];
    expect(new Set(seeds).size).toBe(seeds.length);
    for (const seed of seeds) expect(seed >= 0 && seed < 2 ** 32 && Number.isInteger(seed)).toBe(true);
  });

  it('names calls like the reference and marks retries', () => {
    expect(engineCallId('r1', { kind: 'step', iteration: 3 })).toBe('r1:3');
    expect(engineCallId('r1', { kind: 'thread', block: 0, thread: '2' })).toBe('r1:0_path_2');
    expect(engineCallId('r1', { kind: 'thread', block: 0, thread: '2' }, 2)).toBe('r1:0_path_2.retry2');
  });
});
