import { describe, expect, it } from 'vitest';
import { InvalidRewardConfigError } from './invalid-reward-config.error.js';
import { accelerationRatio, accelerationReward, correctnessReward, rewardFromEta } from './reward.js';
import { isRewardProfileName, REWARD_PROFILES } from './reward-config.js';

const paper = REWARD_PROFILES.paper;
const code = REWARD_PROFILES['reference-code'];

describe('accelerationRatio', () => {
  it('is 1 − critical/total on the response, and adds prompt tokens to both totals on request', () => {
    expect(accelerationRatio({ totalTokens: 28, criticalPathTokens: 24 })).toBeCloseTo(1 / 7, 12);
    expect(accelerationRatio({ totalTokens: 28, criticalPathTokens: 24 }, 4)).toBeCloseTo(1 - 28 / 32, 12);
    expect(accelerationRatio({ totalTokens: 0, criticalPathTokens: 0 })).toBe(0);
  });
});

describe('reward profiles (hand-computed, spec §4.2)', () => {
  it.each([
    // η, correct, paper: 1{c} + min(0.5η, 0.2), reference-code: ±1 + 0.5·min(η, 0.2)
    [0.1, true, 1.05, 1.05],
    [0.2, true, 1.1, 1.1],
    [0.3, true, 1.15, 1.1],
    [0.4, true, 1.2, 1.1],
    [0.8, true, 1.2, 1.1],
    [0, true, 1, 1],
    [0.3, false, 0, -1],
  ] as const)('η=%s correct=%s → paper %s, reference-code %s', (eta, correct, paperReward, codeReward) => {
    expect(rewardFromEta(correct, eta, paper).reward).toBeCloseTo(paperReward, 12);
    expect(rewardFromEta(correct, eta, code).reward).toBeCloseTo(codeReward, 12);
  });

  it('breaks the reward into its parts', () => {
    expect(rewardFromEta(true, 0.3, paper)).toEqual({
      correct: true,
      acceleration: 0.3,
      correctnessReward: 1,
      accelerationReward: 0.15,
      reward: 1.15,
    });
  });

  it('names the profiles', () => {
    expect(isRewardProfileName('paper')).toBe(true);
    expect(isRewardProfileName('reference-code')).toBe(true);
    expect(isRewardProfileName('toString')).toBe(false);
  });
});

describe('accelerationReward', () => {
  it('applies scale, clip and clip mode only to correct answers', () => {
    expect(accelerationReward(0.5, true, { scale: 1, clip: 0.1, clipMode: 'clipReward' })).toBe(0.1);
    expect(accelerationReward(0.5, true, { scale: 2, clip: 0.1, clipMode: 'clipEta' })).toBe(0.2);
    expect(accelerationReward(0.05, true, { scale: 2, clip: 0.3, clipMode: 'clipReward' })).toBeCloseTo(0.1, 12);
    expect(accelerationReward(0.5, false, { scale: 1, clip: 0.1, clipMode: 'clipReward' })).toBe(0);
  });

  it('rejects a non-finite scale, a negative clip or a non-finite η', () => {
    expect(() => accelerationReward(0.1, true, { scale: Number.NaN, clip: 0.2, clipMode: 'clipEta' })).toThrow(
      InvalidRewardConfigError,
    );
    expect(() => accelerationReward(0.1, true, { scale: 1, clip: -1, clipMode: 'clipEta' })).toThrow(
      InvalidRewardConfigError,
    );
    expect(() => accelerationReward(Number.POSITIVE_INFINITY, true, paper.acceleration)).toThrow(
      InvalidRewardConfigError,
    );
  });

  it('uses configurable correctness values', () => {
    expect(correctnessReward(false, { correctReward: 2, incorrectReward: -0.5 })).toBe(-0.5);
    expect(correctnessReward(true, { correctReward: 2, incorrectReward: -0.5 })).toBe(2);
  });
});
