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
  it('returns a checkpoint only for the revision it holds', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', 'r3', checkpoint(3));
    expect(cache.revision('a')).toBe('r3');
    expect(cache.get('a', 'r3')?.version).toBe(3);
    expect(cache.get('a', 'r2')).toBeUndefined();
    expect(cache.revision('missing')).toBe('');
  });

  it('does not serve a version saved again under a new revision', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', 'lost', checkpoint(4));
    expect(cache.get('a', 'redone')).toBeUndefined();
    cache.set('a', 'redone', checkpoint(4));
    expect(cache.get('a', 'redone')?.version).toBe(4);
    expect(cache.get('a', 'lost')).toBeUndefined();
  });

  it('evicts the least recently read request, not the oldest written', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', 'a1', checkpoint(1));
    cache.set('b', 'b1', checkpoint(1));
    expect(cache.get('a', 'a1')?.version).toBe(1);
    cache.set('c', 'c1', checkpoint(1));
    expect([cache.revision('a'), cache.revision('b'), cache.revision('c')]).toEqual(['a1', '', 'c1']);
  });

  it('keeps one entry per request when a newer revision replaces it', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', 'a1', checkpoint(1));
    cache.set('b', 'b1', checkpoint(1));
    cache.set('a', 'a2', checkpoint(2));
    cache.set('c', 'c1', checkpoint(1));
    expect([cache.revision('a'), cache.revision('b'), cache.revision('c')]).toEqual(['a2', '', 'c1']);
  });
});
