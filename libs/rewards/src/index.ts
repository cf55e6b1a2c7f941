// Public API of @threadloom/rewards. Explicit named exports only.
// Answer extraction and grading (spec §4.1).
export { extractBoxedAnswer } from './lib/extraction/extract-boxed.js';
export type { ExtractOptions } from './lib/extraction/extract-boxed.js';
export { grade, warmUpGrader } from './lib/grading/grade.js';
export { GRADE_REASONS } from './lib/grading/grade-result.js';
export { GRADING_PROFILES } from './lib/grading/grading-profile.js';
export type { GradingProfile } from './lib/grading/grading-profile.js';
export type { GradeOptions, GradeReason, GradeResult, Verdict } from './lib/grading/grade-result.js';
export { normalizeAnswer } from './lib/grading/normalize-answer.js';
export { GRADING_CORPUS, GRADING_HELD_OUT } from './lib/grading/corpus/grading-corpus.js';
export { GRADING_CATEGORIES } from './lib/grading/corpus/grading-case.js';
export type { GradingCase, GradingCategory } from './lib/grading/corpus/grading-case.js';
// Rewards (spec §4.2).
export { CLIP_MODES, isRewardProfileName, REWARD_PROFILE_NAMES, REWARD_PROFILES } from './lib/rewards/reward-config.js';
export type {
  AccelerationRewardConfig,
  ClipMode,
  RewardConfig,
  RewardProfileName,
} from './lib/rewards/reward-config.js';
export { accelerationRatio, accelerationReward, correctnessReward, rewardFromEta } from './lib/rewards/reward.js';
export type { RewardBreakdown, TokenCounts } from './lib/rewards/reward.js';
export { scoreResponse } from './lib/rewards/score-response.js';
export type { ScoredResponse, ScoreOptions } from './lib/rewards/score-response.js';
export { InvalidRewardConfigError } from './lib/rewards/invalid-reward-config.error.js';
// P-GRPO advantages (spec §4.3).
export { STD_NORMALIZATIONS } from './lib/pgrpo/advantage-options.js';
export type { AdvantageOptions, StdNormalization } from './lib/pgrpo/advantage-options.js';
export { groupAdvantages, rolloutAdvantages } from './lib/pgrpo/group-advantages.js';
export type { GroupedReward } from './lib/pgrpo/group-advantages.js';
export { broadcastAdvantage, completionTokenCount, tokenAdvantages } from './lib/pgrpo/broadcast.js';
export type { CompletionUnit, RolloutWithUnits } from './lib/pgrpo/broadcast.js';
// Evaluation metrics (spec §3.2).
export {
  accuracy,
  activationRatio,
  maxSpeedup,
  meanSpeedup,
  meanTokenLatency,
  meanTotalTokens,
  perProblemSpeedups,
  selfParallelismSpeedup,
} from './lib/evaluation/speedup-metrics.js';
export { toGradedRollout } from './lib/evaluation/graded-rollout.js';
export type { GradedRollout, SpeedupOptions } from './lib/evaluation/graded-rollout.js';
export { AVERAGE_ROW, evaluationRow, evaluationTable } from './lib/evaluation/evaluation-table.js';
export { groupByDataset, ROLLOUT_SYSTEMS } from './lib/evaluation/labelled-rollouts.js';
export type { LabelledRollout, RolloutSystem } from './lib/evaluation/labelled-rollouts.js';
export type { DatasetRollouts, EvaluationRow } from './lib/evaluation/evaluation-table.js';
