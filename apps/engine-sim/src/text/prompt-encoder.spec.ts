import { renderUserPrompt, THREADWEAVER_DIALECT as D } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../corpus/load-corpus.js';
import { DEFAULT_SYNTHETIC_OPTIONS } from '../synthetic/synthetic-options.js';
import { syntheticTrajectory } from '../synthetic/synthetic-trajectory.js';
import { createPrng } from '../util/prng.js';
import { PromptEncoder } from './prompt-encoder.js';
import { SimTokenizer } from './sim-tokenizer.js';
import { specialTokensFor } from './special-tokens.js';

const tokenizer = new SimTokenizer(specialTokensFor(D));
const full = (text: string): number[] => tokenizer.encode(text).map((t) => t.id);

/** A long prompt of many lines (mixed words, digits, punctuation, unicode, indentation), then a trajectory. */
function longPrompt(seed: number, lines: number): string {
  const prng = createPrng(seed);
  const pieces = ['tree', ' oak', '42', '  ', '\t', '—', 'é', '{x}', "it's", '\\frac{1}{2}', '😀', '...', '<Thread>'];
  const body = Array.from({ length: lines }, () =>
    Array.from({ length: 1 + prng.int(0, 12) }, () => pieces[prng.int(0, pieces.length - 1)]).join(' '),
  ).join('\n');
  return `${renderUserPrompt(body)}${syntheticTrajectory(seed, DEFAULT_SYNTHETIC_OPTIONS, D).trajectory}`;
}

describe('PromptEncoder', () => {
  it('gives exactly the tokenizer’s ids for prompts that extend, branch from or repeat recent ones', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const encoder = new PromptEncoder(tokenizer);
      const text = longPrompt(seed, 700);
      const prng = createPrng(seed * 7);
      // Growing contexts (steps), siblings that share all but a tail (threads), repeats (count, then call).
      let cut = 5_000 + prng.int(0, 2_000);
      while (cut < text.length) {
        const prompt = text.slice(0, cut);
        expect(encoder.ids(prompt)).toEqual(full(prompt));
        for (const tail of ['\n<Thread>\n2:', '\n\n   \n', ' <|im_end|>', '\n<|im_start|>', 'oak\n', '\n\n']) {
          expect(encoder.ids(prompt + tail)).toEqual(full(prompt + tail));
        }
        expect(encoder.ids(prompt)).toEqual(full(prompt));
        cut += 1 + prng.int(0, 12_000);
      }
    }
  });

  it('is exact where the shared prefix ends inside whitespace runs, words and special tokens', () => {
    const encoder = new PromptEncoder(tokenizer);
    const base = longPrompt(99, 600);
    const cuts = ['\n\n\n   \n', '   ', 'tree', '<|im_', '<Th', '\n', '1234'];
    for (const [i, ending] of cuts.entries()) {
      const first = `${base}\n${ending}`;
      expect(encoder.ids(first)).toEqual(full(first));
      for (const next of ['\n  x', 'read\n', 'im_end|>', '|>\n', 'read>\n', '\r\n\tz', '5']) {
        const second = `${first}${next}${i}`;
        expect(encoder.ids(second)).toEqual(full(second));
      }
    }
  });

  it('is exact on the shipped corpus trajectories and their forks', async () => {
    const entries = await loadCorpus();
    const encoder = new PromptEncoder(tokenizer);
    for (const entry of entries.slice(0, 40)) {
      const prompt = renderUserPrompt(`${entry.problem}\n${'padding line of the ledger\n'.repeat(200)}`);
      const whole = prompt + entry.trajectory;
      for (
        let at = entry.trajectory.indexOf('</Outlines>');
        at >= 0;
        at = entry.trajectory.indexOf('</Outlines>', at + 1)
      ) {
        const fork = prompt + entry.trajectory.slice(0, at + '</Outlines>'.length);
        for (const header of ['\n<Thread>\n1:', '\n<Thread>\n2:'])
          expect(encoder.ids(fork + header)).toEqual(full(fork + header));
      }
      expect(encoder.ids(whole)).toEqual(full(whole));
    }
  });
});

describe('PromptEncoder reuse', () => {
  it('tokenizes only the tail of a prompt that extends a recent one, and nothing of a repeated one', () => {
    const encoded: number[] = [];
    const counting = new SimTokenizer(specialTokensFor(D));
    const encode = counting.encode.bind(counting);
    counting.encode = (text: string) => {
      encoded.push(text.length);
      return encode(text);
    };
    const encoder = new PromptEncoder(counting);
    const context = longPrompt(5, 700);
    encoder.ids(context);
    encoder.ids(context);
    const thread = `${context}\n<Thread>\n2:`;
    expect(encoder.ids(thread)).toEqual(full(thread));
    expect(encoded).toHaveLength(2);
    expect(encoded[0]).toBe(context.length);
    expect(encoded[1]).toBeLessThan(200);
  });
});
