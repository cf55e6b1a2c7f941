import type { OrchestratorState } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from './checkpoint.js';
import { CheckpointCache } from './checkpoint-cache.js';

const checkpoint = (version: number): Checkpoint => ({
  version,
  state: {} as OrchestratorState,
  action: { type: 'done' } as Checkpoint['action'],
});

describe('CheckpointCache', () => {
  it('returns a checkpoint only for the version it holds', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', checkpoint(3));
    expect(cache.version('a')).toBe(3);
    expect(cache.get('a', 3)?.version).toBe(3);
    expect(cache.get('a', 2)).toBeUndefined();
    expect(cache.version('missing')).toBe(-1);
  });

  it('evicts the least recently read request, not the oldest written', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', checkpoint(1));
    cache.set('b', checkpoint(1));
    expect(cache.get('a', 1)?.version).toBe(1);
    cache.set('c', checkpoint(1));
    expect([cache.version('a'), cache.version('b'), cache.version('c')]).toEqual([1, -1, 1]);
  });

  it('keeps one entry per request when a newer version replaces it', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', checkpoint(1));
    cache.set('b', checkpoint(1));
    cache.set('a', checkpoint(2));
    cache.set('c', checkpoint(1));
    expect([cache.version('a'), cache.version('b'), cache.version('c')]).toEqual([2, -1, 1]);
  });
});
