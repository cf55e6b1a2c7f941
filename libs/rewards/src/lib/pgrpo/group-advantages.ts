import type { AdvantageOptions } from './advantage-options.js';

/** A rollout's group key (the prompt's uid) and its scalar reward. */
export interface GroupedReward {
  readonly groupId: string;
  readonly reward: number;
}

const DEFAULT_EPSILON = 1e-6;

/**
 * Advantages of one group of k rollouts: r − mean (P-GRPO), optionally divided by std + ε.
 * A group of one gets mean 0 and std 1, as in the public code, so its advantage is its reward.
 */
export function groupAdvantages(rewards: readonly number[], options: AdvantageOptions = {}): number[] {
  if (rewards.length === 0) return [];
  if (rewards.length === 1) return [rewards[0] ?? 0];
  const mean = rewards.reduce((sum, r) => sum + r, 0) / rewards.length;
  const centred = rewards.map((r) => r - mean);
  const std = options.std ?? 'none';
  if (std === 'none') return centred;
  const squares = centred.reduce((sum, d) => sum + d * d, 0);
  const divisor = std === 'population' ? rewards.length : rewards.length - 1;
  const scale = Math.sqrt(squares / divisor) + (options.epsilon ?? DEFAULT_EPSILON);
  return centred.map((d) => d / scale);
}

/**
 * One advantage per rollout, in input order, with statistics per group. Each rollout is counted once,
 * however many units (engine calls) it produced: pass rollouts, not unit rows.
 */
export function rolloutAdvantages(rollouts: readonly GroupedReward[], options: AdvantageOptions = {}): number[] {
  const groups = new Map<string, number[]>();
  rollouts.forEach((rollout, index) => {
    const members = groups.get(rollout.groupId) ?? [];
    members.push(index);
    groups.set(rollout.groupId, members);
  });
  const advantages = new Array<number>(rollouts.length).fill(0);
  for (const members of groups.values()) {
    const values = groupAdvantages(
      members.map((i) => rollouts[i]?.reward ?? 0),
      options,
    );
    members.forEach((rolloutIndex, k) => {
      advantages[rolloutIndex] = values[k] ?? 0;
    });
  }
  return advantages;
}
