/** One evaluated rollout: which problem, whether it was correct, and its token metrics. */
export interface GradedRollout {
  readonly problemId: string;
  readonly correct: boolean;
  /** Every generated token (L_total). */
  readonly totalTokens: number;
  /** Token latency (L_longest); equals `totalTokens` for a sequential model. */
  readonly criticalPathTokens: number;
  /** The trajectory contains at least one parallel block. */
  readonly withParallel: boolean;
}

/** Options for per-problem speedups. */
export interface SpeedupOptions {
  /** Use only correct rollouts; a problem with no correct rollout on either side is excluded. */
  readonly correctOnly?: boolean;
}

/** Builds a {@link GradedRollout} from a verdict and `@threadloom/threading` metrics (e.g. a `ScoredResponse`). */
export function toGradedRollout(
  problemId: string,
  scored: {
    readonly correct: boolean;
    readonly metrics: {
      readonly totalTokens: number;
      readonly criticalPathTokens: number;
      readonly withParallel: boolean;
    };
  },
): GradedRollout {
  const { totalTokens, criticalPathTokens, withParallel } = scored.metrics;
  return { problemId, correct: scored.correct, totalTokens, criticalPathTokens, withParallel };
}
