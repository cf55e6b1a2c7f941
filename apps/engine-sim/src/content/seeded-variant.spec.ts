import { THREADWEAVER_DIALECT as D, validateFormat } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { indexTrajectory } from '../trajectory/trajectory-index.js';
import { seededVariant } from './seeded-variant.js';

const body = (word: string): string => ` ${Array.from({ length: 40 }, (_, i) => `${word}${i}`).join(' ')}\n`;
const T =
  '<think>\nPlan.\n<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>\n' +
  `<Thread>\n1:${body('x')}</Thread><Thread>\n2:${body('y')}</Thread>\n</Parallel>\nSo \\boxed{1}.\n</think>\n\n$\\boxed{1}$.`;
const blocks = indexTrajectory(T, D);

describe('seededVariant', () => {
  it('resizes thread bodies by seed, reproducibly, and keeps the sequential text and the format', () => {
    const a = seededVariant(T, blocks, 0, 7, D);
    expect(seededVariant(T, blocks, 0, 7, D)).toBe(a);
    expect(seededVariant(T, blocks, 0, 8, D)).not.toBe(a);
    expect(a).not.toBe(T);
    expect(validateFormat(a).ok).toBe(true);
    expect(a.startsWith(T.slice(0, T.indexOf('<Thread>')))).toBe(true);
    // The final segment keeps its text and answer; seeded sentences come before the reasoning closes.
    expect(a).toMatch(/<\/Thread>\n<\/Parallel>\nSo \\boxed\{1\}\. \S[^]*\n<\/think>\n\n\$\\boxed\{1\}\$\.$/);
  });

  it('varies a trajectory without blocks in its only segment, reproducibly', () => {
    const plain = '<think>\nOne plus one is two.\n</think>\n\n$\\boxed{2}$.';
    const variants = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => seededVariant(plain, [], 0, seed, D));
    expect(new Set(variants).size).toBe(8);
    expect(seededVariant(plain, [], 0, 3, D)).toBe(variants[2]);
    for (const v of variants)
      expect(v).toMatch(/^<think>\nOne plus one is two\. \S[^]*\n<\/think>\n\n\$\\boxed\{2\}\$\.$/);
    // After the reasoning closed there is nothing left to vary.
    const after = plain.indexOf('\n\n$');
    expect(seededVariant(plain, [], after, 5, D)).toBe(plain.slice(after));
  });

  it('varies sibling threads independently and starts mid-trajectory at the offset', () => {
    const thread2 = blocks[0]!.threads[1]!.bodyStart;
    const variants = [1, 2, 3, 4, 5, 6].map((seed) => seededVariant(T, blocks, thread2, seed, D));
    expect(new Set(variants.map((v) => v.length)).size).toBeGreaterThan(3);
    for (const v of variants) expect(v).toMatch(/^ y0[\s\S]*\n<\/Thread>\n<\/Parallel>\nSo/);
  });
});
