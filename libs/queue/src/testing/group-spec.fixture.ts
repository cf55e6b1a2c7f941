import type { RolloutGroupSpec } from '../rollouts/rollout-group.js';

/** A group of `k` members of problem `p1` (ground truth 5), member j seeded 100 + j. */
export function groupSpecFixture(
  k: number,
  rewardProfile: RolloutGroupSpec['rewardProfile'] = 'paper',
): RolloutGroupSpec {
  return {
    id: 'rollout_x-g0',
    rolloutId: 'rollout_x',
    customId: 'p1',
    tenant: 't',
    k,
    groundTruth: '5',
    rewardProfile,
    seeds: Array.from({ length: k }, (_, j) => 100 + j),
    createdAt: 0,
  };
}
