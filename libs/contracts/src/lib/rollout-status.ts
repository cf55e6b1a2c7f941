/** Lifecycle of a rollout job: done when every group's outcome is committed. */
export const ROLLOUT_STATUSES = ['in_progress', 'completed', 'cancelling', 'cancelled'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/** True when a rollout job can no longer change: every group scored, or the job cancelled. */
export function isTerminalRolloutStatus(status: string): boolean {
  return status === 'completed' || status === 'cancelled';
}
