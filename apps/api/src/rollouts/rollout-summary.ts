import { REQUEST_STATUSES, type RequestStatus, type RequestView, type RolloutStatus } from '@threadloom/contracts';
import type { RolloutGroupState } from '@threadloom/queue';
import type { RolloutRecord } from './rollout-record.js';

/** Progress and aggregate scores of a rollout job. */
export interface RolloutSummary {
  readonly status: RolloutStatus;
  readonly groups: { readonly total: number; readonly scored: number };
  readonly rollouts: Record<RequestStatus, number> & { total: number };
  readonly metrics: {
    /** Correct ÷ scored rollouts (null before any group is scored). */
    readonly accuracy: number | null;
    readonly scored: number;
    readonly correct: number;
    readonly meanReward: number | null;
    readonly meanAcceleration: number | null;
  };
  readonly completedAt: number | null;
}

/**
 * Summarises a job: members of committed groups count with the status they were scored with, the others
 * with their current view (a missing view counts as expired); scores come from committed groups only.
 */
export function summarizeRollout(
  record: RolloutRecord,
  states: readonly (RolloutGroupState | undefined)[],
  views: ReadonlyMap<string, RequestView>,
): RolloutSummary {
  const rollouts = {
    total: record.groups.length * record.k,
    ...Object.fromEntries(REQUEST_STATUSES.map((status) => [status, 0])),
  } as RolloutSummary['rollouts'];
  let scoredGroups = 0,
    lastCommit = record.createdAt;
  const rewards: number[] = [];
  const etas: number[] = [];
  let correct = 0;
  record.groups.forEach((group, g) => {
    const state = states[g];
    const outcome = state?.committedAt === null ? null : (state?.outcome ?? null);
    if (outcome === null) {
      for (const id of group.requestIds) rollouts[views.get(id)?.status ?? 'expired'] += 1;
      return;
    }
    scoredGroups += 1;
    lastCommit = Math.max(lastCommit, state?.committedAt ?? 0);
    for (const member of outcome.members) {
      rollouts[member.status] += 1;
      if (member.reward === null) continue;
      rewards.push(member.reward);
      etas.push(member.eta);
      if (member.correct) correct += 1;
    }
  });
  const done = scoredGroups === record.groups.length;
  const status: RolloutStatus =
    record.cancelledAt !== undefined ? (done ? 'cancelled' : 'cancelling') : done ? 'completed' : 'in_progress';
  const mean = (values: readonly number[]) =>
    values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    status,
    groups: { total: record.groups.length, scored: scoredGroups },
    rollouts,
    metrics: {
      accuracy: rewards.length === 0 ? null : correct / rewards.length,
      scored: rewards.length,
      correct,
      meanReward: mean(rewards),
      meanAcceleration: mean(etas),
    },
    completedAt: done ? lastCommit : null,
  };
}
