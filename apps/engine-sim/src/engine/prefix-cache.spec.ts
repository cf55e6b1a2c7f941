import { describe, expect, it } from 'vitest';
import { PrefixCache } from './prefix-cache.js';

const seq = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

describe('PrefixCache', () => {
  it('reuses only full blocks of a shared prefix, recomputing the last prompt token', () => {
    const cache = new PrefixCache(4, 100);
    expect(cache.match(seq(10))).toBe(0);
    cache.insert(seq(10));
    expect(cache.match(seq(10))).toBe(8);
    expect(cache.match(seq(8))).toBe(4);
    expect(cache.match([...seq(6), 99, 98, 97])).toBe(4);
  });

  it('chains hashes: an equal block after a different parent is a miss', () => {
    const cache = new PrefixCache(2, 100);
    cache.insert([1, 2, 3, 4, 5]);
    expect(cache.match([9, 9, 3, 4, 5])).toBe(0);
  });

  it('evicts least recently used blocks past capacity', () => {
    const cache = new PrefixCache(2, 2);
    cache.insert([1, 2, 3, 4]);
    cache.insert([5, 6, 7, 8]);
    expect(cache.size).toBe(2);
    expect(cache.match([1, 2, 3, 4, 0])).toBe(0);
    expect(cache.match([5, 6, 7, 8, 0])).toBe(4);
  });
});
