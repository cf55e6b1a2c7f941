import { computeMetrics } from '@threadloom/threading';
import type { Dialect, Tokenizer, TrajectoryMetrics } from '@threadloom/threading';
import { extractBoxedAnswer } from '../extraction/extract-boxed.js';
import type { ExtractOptions } from '../extraction/extract-boxed.js';
import { grade } from '../grading/grade.js';
import type { GradeOptions, GradeReason } from '../grading/grade-result.js';
import { accelerationRatio, rewardFromEta } from './reward.js';
import type { RewardBreakdown } from './reward.js';
import type { RewardConfig } from './reward-config.js';

/** Inputs of {@link scoreResponse} besides the response and truth. */
export interface ScoreOptions {
  readonly config: RewardConfig;
  readonly tokenizer: Tokenizer;
  readonly dialect?: Dialect;
  /** The prompt, counted into η only when `config.countPromptTokens` is set. */
  readonly prompt?: string;
  readonly extract?: ExtractOptions;
  readonly grade?: GradeOptions;
}

/** A scored rollout: the extracted answer, its grade, the metrics and the reward parts. */
export interface ScoredResponse extends RewardBreakdown {
  readonly answer: string | undefined;
  readonly reason: GradeReason;
  readonly metrics: TrajectoryMetrics;
  readonly promptTokens: number;
}

/** Extracts, grades and rewards one response: r = R_correct + R_accel with η from `@threadloom/threading` metrics. */
export function scoreResponse(
  response: string,
  truth: string | readonly string[],
  options: ScoreOptions,
): ScoredResponse {
  const answer = extractBoxedAnswer(response, options.extract);
  const profile = options.config.gradingProfile;
  const graded = grade(answer, truth, { ...(profile === undefined ? {} : { profile }), ...options.grade });
  const metricOptions =
    options.dialect === undefined
      ? { tokenizer: options.tokenizer }
      : { tokenizer: options.tokenizer, dialect: options.dialect };
  const metrics = computeMetrics(response, metricOptions);
  const promptTokens =
    options.config.countPromptTokens && options.prompt !== undefined
      ? options.tokenizer.countTokens(options.prompt)
      : 0;
  const eta = accelerationRatio(metrics, promptTokens);
  return {
    ...rewardFromEta(graded.correct, eta, options.config),
    answer,
    reason: graded.reason,
    metrics,
    promptTokens,
  };
}
