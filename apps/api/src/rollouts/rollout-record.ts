import type { RewardProfileName } from '@threadloom/rewards';
import type { JobRecord, JobStore } from '../jobs/job-record.js';

/** One problem of a rollout job: its group and the k member requests, by member index. */
export interface RolloutGroupRef {
  readonly customId: string;
  readonly groupId: string;
  readonly requestIds: readonly string[];
}

/** What the API stores about a rollout job (groups and requests live in the runtime). */
export interface RolloutRecord extends JobRecord {
  readonly k: number;
  readonly rewardProfile: RewardProfileName;
  readonly groups: readonly RolloutGroupRef[];
}

/** Persistence of rollout records. */
export type RolloutStore = JobStore<RolloutRecord>;

/** DI token of the {@link RolloutStore}. */
export const ROLLOUT_STORE = Symbol('ROLLOUT_STORE');
/** DI token of the runtime's RolloutGroupStore (from @threadloom/queue). */
export const ROLLOUT_GROUPS = Symbol('ROLLOUT_GROUPS');
