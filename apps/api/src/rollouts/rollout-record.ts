import type { RewardProfileName } from '@threadloom/rewards';

/** One problem of a rollout job: its group and the k member requests, by member index. */
export interface RolloutGroupRef {
  readonly customId: string;
  readonly groupId: string;
  readonly requestIds: readonly string[];
}

/** What the API stores about a rollout job (groups and requests live in the runtime). */
export interface RolloutRecord {
  readonly id: string;
  readonly tenant: string;
  readonly createdAt: number;
  readonly k: number;
  readonly rewardProfile: RewardProfileName;
  readonly groups: readonly RolloutGroupRef[];
  readonly cancelledAt?: number;
  /** SHA-256 of the validated body when created with an Idempotency-Key. */
  readonly bodyHash?: string;
}

/** Persistence of rollout records. */
export interface RolloutStore {
  save(record: RolloutRecord): Promise<void>;
  load(id: string): Promise<RolloutRecord | undefined>;
}

/** DI token of the {@link RolloutStore}. */
export const ROLLOUT_STORE = Symbol('ROLLOUT_STORE');
/** DI token of the runtime's RolloutGroupStore (from @threadloom/queue). */
export const ROLLOUT_GROUPS = Symbol('ROLLOUT_GROUPS');
