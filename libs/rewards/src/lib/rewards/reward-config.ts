import type { GradingProfile } from '../grading/grading-profile.js';

/** How the acceleration term is clipped (spec §4.2). */
export const CLIP_MODES = {
  /** Paper Eq. 8: min(scale·η, clip). */
  clipReward: 'clipReward',
  /** Public code: scale·min(η, clip). */
  clipEta: 'clipEta',
} as const;

/** One of {@link CLIP_MODES}. */
export type ClipMode = (typeof CLIP_MODES)[keyof typeof CLIP_MODES];

/** Parameters of the acceleration reward, applied only to correct answers. */
export interface AccelerationRewardConfig {
  /** ρ: the factor on η. */
  readonly scale: number;
  /** The clip bound (on the reward or on η, see `clipMode`). */
  readonly clip: number;
  readonly clipMode: ClipMode;
}

/** A complete reward definition: correctness values, acceleration term, and token scope of η. */
export interface RewardConfig {
  readonly correctReward: number;
  readonly incorrectReward: number;
  readonly acceleration: AccelerationRewardConfig;
  /** Add the prompt's token count to both totals of η, as the reference RL reward server does. */
  readonly countPromptTokens: boolean;
  /** The answer-equivalence rules of `grade` (default `threadloom`). */
  readonly gradingProfile?: GradingProfile;
}

/** The named reward profiles of spec §4.2. */
export const REWARD_PROFILES = {
  /** ThreadWeaver as published: 1/0 correctness, min(0.5η, 0.2), response tokens only. */
  paper: {
    correctReward: 1,
    incorrectReward: 0,
    acceleration: { scale: 0.5, clip: 0.2, clipMode: CLIP_MODES.clipReward },
    countPromptTokens: false,
  },
  /** The public RL code: +1/−1 correctness, 0.5·min(η, 0.2), prompt tokens counted in η, its grading rules. */
  'reference-code': {
    correctReward: 1,
    incorrectReward: -1,
    acceleration: { scale: 0.5, clip: 0.2, clipMode: CLIP_MODES.clipEta },
    countPromptTokens: true,
    gradingProfile: 'reference-code',
  },
} as const satisfies Record<string, RewardConfig>;

/** A name of {@link REWARD_PROFILES}. */
export type RewardProfileName = keyof typeof REWARD_PROFILES;

/** The profile names, for CLI validation and help. */
export const REWARD_PROFILE_NAMES: readonly RewardProfileName[] = Object.keys(REWARD_PROFILES) as RewardProfileName[];

/** True when `name` is a known profile. */
export function isRewardProfileName(name: string): name is RewardProfileName {
  return Object.hasOwn(REWARD_PROFILES, name);
}
