import type { Tokenizer } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { runCliFromSource } from '../testing/run-cli-from-source.js';
import { rewardFiles, type RewardIo } from './reward.command.js';

/** One whitespace-separated symbol = one token (the spec's symbolic vectors). */
const symbolic: Tokenizer = { name: 'symbolic', countTokens: (text) => text.split(/\s+/).filter(Boolean).length };
// Spec §3.1 worked example: total 28, critical path 24, η = 1/7.
const RESPONSE = String.raw`<think> a <Parallel> \n <Outlines> o1 o2 </Outlines> \n <Thread> \n 1 : x1 </Thread> <Thread> \n 2 : y1 y2 y3 </Thread> \n </Parallel> b </think> \boxed{4}`;

function fakeIo(files: Record<string, string>): { io: RewardIo; out: () => Record<string, unknown>[] } {
  const written: string[] = [];
  return {
    io: {
      write: (line) => written.push(line),
      readText: (file) =>
        files[file] === undefined ? Promise.reject(new Error('ENOENT')) : Promise.resolve(files[file]),
    },
    out: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('rewardFiles', () => {
  it('prints correctness, η and the reward under the paper profile', async () => {
    const { io, out } = fakeIo({ 'r.txt': RESPONSE });
    expect(await rewardFiles(['r.txt'], { profile: 'paper', truths: ['4'], tokenizer: symbolic }, io)).toBe(0);
    const [line] = out();
    expect(line).toMatchObject({
      file: 'r.txt',
      profile: 'paper',
      answer: '4',
      correct: true,
      totalTokens: 28,
      criticalPathTokens: 24,
    });
    expect(line!['eta']).toBeCloseTo(1 / 7, 12);
    expect(line!['reward']).toBeCloseTo(1 + 1 / 14, 12);
  });

  it('counts the prompt under reference-code and reports unreadable files with exit 1', async () => {
    const { io, out } = fakeIo({ 'r.txt': RESPONSE });
    const options = { profile: 'reference-code', truths: ['5'], tokenizer: symbolic, prompt: 'p q r s' } as const;
    expect(await rewardFiles(['r.txt', 'missing.txt'], options, io)).toBe(1);
    const [wrong, missing] = out();
    expect(wrong).toMatchObject({
      correct: false,
      promptTokens: 4,
      correctnessReward: -1,
      accelerationReward: 0,
      reward: -1,
      eta: 0.125,
    });
    expect(missing).toMatchObject({ file: 'missing.txt', error: expect.stringContaining('cannot read') });
  });
});

describe('threadloom reward (process)', () => {
  const cli = (args: string[], input?: string) => runCliFromSource(['reward', ...args], input);

  it('scores stdin and exits 2 on usage errors', () => {
    const ok = cli(
      ['--profile', 'reference-code', '--truth', '4', '--tokenizer', 'chars', '-'],
      String.raw`no parallel \boxed{4}`,
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ correct: true, eta: 0, reward: 1 });
    expect(cli(['--profile', 'nope', '--truth', '4', '-']).status).toBe(2);
    expect(cli(['--tokenizer', 'chars', '-'], 'x').status).toBe(2);
  });
}, 60_000);
