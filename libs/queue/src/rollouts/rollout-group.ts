import type { RequestStatus } from '@threadloom/contracts';
import type { RewardProfileName } from '@threadloom/rewards';

/** What a rollout group is: k sampled reasoning requests of one problem, scored together once all are terminal. */
export interface RolloutGroupSpec {
  /** `<rolloutId>-g<index>`. */
  readonly id: string;
  readonly rolloutId: string;
  readonly customId: string;
  readonly tenant: string;
  readonly k: number;
  readonly groundTruth: string | readonly string[];
  readonly rewardProfile: RewardProfileName;
  /** The request seed of member j (distinct per member). */
  readonly seeds: readonly number[];
  readonly createdAt: number;
}

/** One member's scores; `advantage` is null for a member that did not complete (excluded from the group statistics). */
export interface RolloutMemberOutcome {
  readonly member: number;
  readonly requestId: string;
  readonly status: RequestStatus;
  readonly seed: number;
  readonly answer: string | null;
  readonly correct: boolean;
  readonly reason: string | null;
  /** η from the Qwen3 token counts of the final response (what the reward uses). */
  readonly eta: number;
  readonly correctnessReward: number;
  readonly accelerationReward: number;
  readonly reward: number | null;
  readonly advantage: number | null;
  /** Engine calls (expanded-unit rows) of the member. */
  readonly units: number;
}

/** The once-computed outcome of a group. */
export interface RolloutGroupOutcome {
  /** `completed` when every member completed, `partial` when some did, `failed` when none did. */
  readonly status: 'completed' | 'partial' | 'failed';
  readonly members: readonly RolloutMemberOutcome[];
  /** Mean reward of the completed members (the P-GRPO baseline), null when none completed. */
  readonly meanReward: number | null;
  readonly correct: number;
  readonly scored: number;
}

/** What is stored once per group: the outcome and the export rows (JSON lines). */
export interface RolloutGroupCommit {
  readonly outcome: RolloutGroupOutcome;
  readonly packed: readonly string[];
  readonly expanded: readonly string[];
}

/** A group as read back from Redis. */
export interface RolloutGroupState {
  readonly spec: RolloutGroupSpec;
  /** Request ids by member index, once the producer recorded them (or a member settled and named itself). */
  readonly members: readonly (string | undefined)[];
  /** How many members have been marked terminal. */
  readonly settled: number;
  readonly committedAt: number | null;
  /** How many times an outcome was committed (1 once committed: the exactly-once check). */
  readonly commits: number;
  /** How many times a process claimed the computation (≥ commits; more when a claimer died). */
  readonly claims: number;
  readonly outcome: RolloutGroupOutcome | null;
}

/** Formats of the export rows. */
export const ROLLOUT_ROW_FORMATS = ['packed', 'expanded'] as const;
/** One of {@link ROLLOUT_ROW_FORMATS}. */
export type RolloutRowFormat = (typeof ROLLOUT_ROW_FORMATS)[number];
