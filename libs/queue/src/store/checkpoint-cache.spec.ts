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
  it('returns a checkpoint only for the save it holds', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', '3:r3', checkpoint(3));
    expect(cache.save('a')).toBe('3:r3');
    expect(cache.get('a', '3:r3')?.version).toBe(3);
    expect(cache.get('a', '3:r2')).toBeUndefined();
    expect(cache.save('missing')).toBe('');
  });

  it('does not serve a version saved again under a new revision stamp', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', '4:lost', checkpoint(4));
    expect(cache.get('a', '4:redone')).toBeUndefined();
    cache.set('a', '4:redone', checkpoint(4));
    expect(cache.get('a', '4:redone')?.version).toBe(4);
    expect(cache.get('a', '4:lost')).toBeUndefined();
  });

  it('evicts the least recently read request, not the oldest written', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', 'a1', checkpoint(1));
    cache.set('b', 'b1', checkpoint(1));
    expect(cache.get('a', 'a1')?.version).toBe(1);
    cache.set('c', 'c1', checkpoint(1));
    expect([cache.save('a'), cache.save('b'), cache.save('c')]).toEqual(['a1', '', 'c1']);
  });

  it('keeps one entry per request when a newer save replaces it', () => {
    const cache = new CheckpointCache(2);
    cache.set('a', 'a1', checkpoint(1));
    cache.set('b', 'b1', checkpoint(1));
    cache.set('a', 'a2', checkpoint(2));
    cache.set('c', 'c1', checkpoint(1));
    expect([cache.save('a'), cache.save('b'), cache.save('c')]).toEqual(['a2', '', 'c1']);
  });
});
