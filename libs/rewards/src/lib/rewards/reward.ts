import { InvalidRewardConfigError } from './invalid-reward-config.error.js';
import type { AccelerationRewardConfig, RewardConfig } from './reward-config.js';

/** Token counts that determine η (the fields of `TrajectoryMetrics` from `@threadloom/threading`). */
export interface TokenCounts {
  readonly totalTokens: number;
  readonly criticalPathTokens: number;
}

/** The parts of a reward: r = correctness + acceleration. */
export interface RewardBreakdown {
  readonly correct: boolean;
  /** η used for the acceleration term. */
  readonly acceleration: number;
  readonly correctnessReward: number;
  readonly accelerationReward: number;
  readonly reward: number;
}

/** η = 1 − (critical + p) / (total + p), with p prompt tokens (0 counts the response only); 0 when empty. */
export function accelerationRatio(counts: TokenCounts, promptTokens = 0): number {
  const total = counts.totalTokens + promptTokens;
  return total <= 0 ? 0 : 1 - (counts.criticalPathTokens + promptTokens) / total;
}

/** The correctness term: `correctReward` or `incorrectReward`. */
export function correctnessReward(
  correct: boolean,
  config: Pick<RewardConfig, 'correctReward' | 'incorrectReward'>,
): number {
  return correct ? config.correctReward : config.incorrectReward;
}

/** The acceleration term, 0 unless correct: min(ρη, c) (`clipReward`) or ρ·min(η, c) (`clipEta`). */
export function accelerationReward(eta: number, correct: boolean, config: AccelerationRewardConfig): number {
  assertValidAcceleration(config);
  if (!Number.isFinite(eta)) throw new InvalidRewardConfigError('eta', eta);
  if (!correct) return 0;
  switch (config.clipMode) {
    case 'clipReward':
      return Math.min(config.scale * eta, config.clip);
    case 'clipEta':
      return config.scale * Math.min(eta, config.clip);
  }
}

/** The full reward from a verdict and η. */
export function rewardFromEta(correct: boolean, eta: number, config: RewardConfig): RewardBreakdown {
  const correctness = correctnessReward(correct, config);
  const acceleration = accelerationReward(eta, correct, config.acceleration);
  return {
    correct,
    acceleration: eta,
    correctnessReward: correctness,
    accelerationReward: acceleration,
    reward: correctness + acceleration,
  };
}

function assertValidAcceleration(config: AccelerationRewardConfig): void {
  if (!Number.isFinite(config.scale)) throw new InvalidRewardConfigError('scale', config.scale);
  if (!Number.isFinite(config.clip) || config.clip < 0) throw new InvalidRewardConfigError('clip', config.clip);
}
