import type { Tokenizer } from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { REWARD_PROFILES } from './reward-config.js';
import { scoreResponse } from './score-response.js';

/** One whitespace-separated symbol = one token, as the spec's symbolic test vectors. */
const symbolic: Tokenizer = { name: 'symbolic', countTokens: (text) => text.split(/\s+/).filter(Boolean).length };
// The worked example of spec §3.1 (total 28, critical path 24, η = 1/7) with a boxed answer as last symbol.
const RESPONSE = String.raw`<think> a <Parallel> \n <Outlines> o1 o2 </Outlines> \n <Thread> \n 1 : x1 </Thread> <Thread> \n 2 : y1 y2 y3 </Thread> \n </Parallel> b </think> \boxed{4}`;

describe('scoreResponse', () => {
  it('paper profile: 1 + min(0.5 · 1/7, 0.2) on response tokens only', () => {
    const scored = scoreResponse(RESPONSE, '4', {
      config: REWARD_PROFILES.paper,
      tokenizer: symbolic,
      prompt: 'p q r s',
    });
    expect(scored).toMatchObject({ answer: '4', correct: true, reason: 'exact-match', promptTokens: 0 });
    expect(scored.metrics).toMatchObject({ totalTokens: 28, criticalPathTokens: 24 });
    expect(scored.acceleration).toBeCloseTo(1 / 7, 12);
    expect(scored.reward).toBeCloseTo(1 + 1 / 14, 12);
  });

  it('reference-code profile counts the prompt: η = 1 − 28/32, reward 1 + 0.5 · 0.125', () => {
    const scored = scoreResponse(RESPONSE, '4', {
      config: REWARD_PROFILES['reference-code'],
      tokenizer: symbolic,
      prompt: 'p q r s',
    });
    expect(scored.promptTokens).toBe(4);
    expect(scored.acceleration).toBeCloseTo(0.125, 12);
    expect(scored.reward).toBeCloseTo(1.0625, 12);
  });

  it('gives no acceleration term to a wrong answer', () => {
    const scored = scoreResponse(RESPONSE, '5', { config: REWARD_PROFILES['reference-code'], tokenizer: symbolic });
    expect(scored).toMatchObject({ correct: false, correctnessReward: -1, accelerationReward: 0, reward: -1 });
  });

  it('grades with the profile’s rules: reference-code keeps the reference grader’s verdict on a ratio', () => {
    const ratio = RESPONSE.replace(String.raw`\boxed{4}`, String.raw`\boxed{6:4}`);
    const truth = String.raw`\frac32`;
    expect(scoreResponse(ratio, truth, { config: REWARD_PROFILES.paper, tokenizer: symbolic }).correct).toBe(true);
    const reference = scoreResponse(ratio, truth, { config: REWARD_PROFILES['reference-code'], tokenizer: symbolic });
    expect(reference.correct).toBe(false);
  });
});
