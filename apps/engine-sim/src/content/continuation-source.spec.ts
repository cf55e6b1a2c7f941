import { renderUserPrompt, THREADWEAVER_DIALECT as D } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNTHETIC_OPTIONS } from '../synthetic/synthetic-options.js';
import { SimTokenizer } from '../text/sim-tokenizer.js';
import { specialTokensFor } from '../text/special-tokens.js';
import { ContinuationSource } from './continuation-source.js';

const problem = 'What is 1+1?';
const entry = (id: string, trajectory: string) => ({ id, problem, answer: '2', trajectory });
const A = '<think>\nOne plus one is two.\n</think>\n\n$\\boxed{2}$.';
const B = '<think>\nCounting: one, then two.\n</think>\n\n$\\boxed{2}$.';
const tokenizer = new SimTokenizer(specialTokensFor(D));
const source = new ContinuationSource([entry('a', A), entry('b', B)], D, 0, DEFAULT_SYNTHETIC_OPTIONS, tokenizer);
const text = (prompt: string, seed?: number): string =>
  source
    .continuationOf(prompt, 100_000, seed)
    .tokens.map((t) => t.text)
    .join('');

describe('ContinuationSource with corpus variants', () => {
  it('replays the first variant without a seed and lets a seed pick where a new answer starts', () => {
    const start = renderUserPrompt(problem);
    expect(text(start)).toBe(A);
    const sampled = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => text(start, seed));
    const reasoning = (t: string) => t.slice(0, t.indexOf('\n</think>'));
    const picked = sampled.map((t) => (t.startsWith(reasoning(A)) ? 'A' : t.startsWith(reasoning(B)) ? 'B' : t));
    expect(new Set(picked)).toEqual(new Set(['A', 'B']));
    // Every seed samples its own text (seeded sentences before the reasoning closes), the same again.
    expect(new Set(sampled).size).toBe(8);
    expect(text(start, 3)).toBe(sampled[2]);
  });

  it('keeps continuing the variant the context came from, whatever the seed', () => {
    const midB = renderUserPrompt(problem) + B.slice(0, 20);
    expect(text(midB)).toBe(B.slice(20));
    for (const seed of [1, 2, 3]) {
      const t = text(midB, seed);
      expect(t.startsWith(B.slice(20, B.indexOf('\n</think>')))).toBe(true);
      expect(t.endsWith(B.slice(B.indexOf('\n</think>')))).toBe(true);
    }
  });

  it('varies unknown problems (synthetic) by seed as well', () => {
    const unknown = renderUserPrompt('Compute the 12th Fibonacci number.');
    const variants = new Set([undefined, 1, 2].map((seed) => text(unknown, seed)));
    expect(variants.size).toBe(3);
  });
});
