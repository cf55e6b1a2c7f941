import type { RolloutGroupState } from '@threadloom/queue';
import type { RolloutGroupRef, RolloutRecord } from './rollout-record.js';
import type { RolloutGroupLine, RolloutObject } from './rollout-response.schema.js';
import type { RolloutSummary } from './rollout-summary.js';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The wire form of a rollout job (batch-like names). */
export function presentRollout(record: RolloutRecord, summary: RolloutSummary): RolloutObject {
  const self = `/v1/rollouts/${record.id}`;
  const { total, completed, failed, ...others } = summary.rollouts;
  return {
    id: record.id,
    object: 'rollout',
    status: summary.status,
    k: record.k,
    reward_profile: record.rewardProfile,
    created_at: iso(record.createdAt),
    completed_at: iso(summary.completedAt),
    cancelled_at: iso(record.cancelledAt),
    group_counts: summary.groups,
    rollout_counts: { total, completed, failed, ...others },
    metrics: {
      accuracy: summary.metrics.accuracy,
      scored: summary.metrics.scored,
      correct: summary.metrics.correct,
      mean_reward: summary.metrics.meanReward,
      mean_acceleration: summary.metrics.meanAcceleration,
    },
    links: {
      self,
      groups: `${self}/results?format=groups`,
      packed: `${self}/results?format=packed`,
      expanded: `${self}/results?format=expanded`,
      cancel: `${self}/cancel`,
    },
  };
}

/** One line of `results?format=groups`: a group's status and, once committed, every member's scores. */
export function presentGroupLine(group: RolloutGroupRef, state: RolloutGroupState | undefined): string {
  const outcome = state?.committedAt === null ? null : (state?.outcome ?? null);
  const line: RolloutGroupLine = {
    group_id: group.groupId,
    custom_id: group.customId,
    status: state === undefined ? 'expired' : outcome === null ? 'pending' : outcome.status,
    settled: state?.settled ?? 0,
    committed_at: iso(state?.committedAt),
    mean_reward: outcome?.meanReward ?? null,
    members: (outcome?.members ?? []).map((member) => ({
      member: member.member,
      request_id: member.requestId,
      status: member.status,
      seed: member.seed,
      answer: member.answer,
      correct: member.correct,
      eta: member.eta,
      correctness_reward: member.correctnessReward,
      acceleration_reward: member.accelerationReward,
      reward: member.reward,
      advantage: member.advantage,
      units: member.units,
    })),
  };
  return `${JSON.stringify(line)}\n`;
}
