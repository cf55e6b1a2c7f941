import { describe, expect, it } from 'vitest';
import { FIG6_CANONICAL_RESPONSE } from '../format/testing/fig6-response.fixture.js';
import { createCharsTokenizer } from '../tokenizer/chars-tokenizer.js';
import type { Tokenizer } from '../tokenizer/tokenizer.js';
import { computeMetrics } from './compute-metrics.js';

/** Test-only tokenizer of the spec's symbolic vectors: one whitespace-separated symbol = one token. */
const symbolic: Tokenizer = { name: 'symbolic', countTokens: (text) => text.split(/\s+/).filter(Boolean).length };
const symbols = (line: string): string => line.trim().split(/\s+/).join(' ');
const metrics = (text: string, tokenizer: Tokenizer = symbolic) => computeMetrics(text, { tokenizer });

describe('computeMetrics', () => {
  it('reproduces the worked example of derived_symbolic_trie_and_metrics.txt', () => {
    // `\n` is one symbol (a literal backslash-n), as in the test vector.
    const text = symbols(String.raw`<think> a <Parallel> \n <Outlines> o1 o2 </Outlines> \n <Thread> \n 1 : x1 </Thread>
      <Thread> \n 2 : y1 y2 y3 </Thread> \n </Parallel> b </think> ans`);
    expect(metrics(text)).toEqual({
      totalTokens: 28,
      criticalPathTokens: 24,
      acceleration: 1 - 24 / 28,
      parallelRatio: 0.75,
      blocks: 1,
      threadsPerBlock: 2,
      withParallel: true,
    });
    expect(metrics(text).acceleration).toBeCloseTo(1 / 7, 12);
  });

  it('counts the Fig. 6 response with the chars tokenizer', () => {
    // Independent count (Python re-implementation of get_parallel_stats over characters and tags).
    const result = metrics(FIG6_CANONICAL_RESPONSE, createCharsTokenizer());
    expect(result).toMatchObject({
      totalTokens: 938,
      criticalPathTokens: 792,
      blocks: 2,
      threadsPerBlock: 2,
      withParallel: true,
    });
    expect(result.parallelRatio).toBeCloseTo((111 + 73 + 101 + 75 + 73 + 79) / 938, 12);
  });

  it('applies the robustness rules of spec §3.1', () => {
    // <Thread> and </Parallel> inside a thread are content; a stray </Thread> in a block is block-sequential.
    const text = symbols('s <Parallel> p </Thread> <Thread> t <Thread> </Parallel> t </Thread> </Parallel> e');
    expect(metrics(text)).toMatchObject({ totalTokens: 12, criticalPathTokens: 12, blocks: 1 });
    // Truncated: the open thread and block are flushed; no block close is counted.
    const truncated = symbols('s <Parallel> p <Thread> a b <Thread> c');
    expect(metrics(truncated)).toMatchObject({ totalTokens: 8, criticalPathTokens: 8, blocks: 1, threadsPerBlock: 1 });
    // A nested block open inside a block counts literally and opens nothing.
    expect(
      metrics(symbols('<Parallel> <Parallel> <Thread> a </Thread> <Thread> b c </Thread> </Parallel> x')),
    ).toMatchObject({
      totalTokens: 11,
      criticalPathTokens: 10,
      blocks: 1,
      threadsPerBlock: 2,
    });
  });

  it('returns zeros for an empty or sequential response', () => {
    expect(metrics('')).toEqual({
      totalTokens: 0,
      criticalPathTokens: 0,
      acceleration: 0,
      parallelRatio: 0,
      blocks: 0,
      threadsPerBlock: 0,
      withParallel: false,
    });
    expect(metrics('a b c')).toMatchObject({
      totalTokens: 3,
      criticalPathTokens: 3,
      acceleration: 0,
      parallelRatio: 0,
    });
  });
});
