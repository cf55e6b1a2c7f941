import type { GradedRollout, SpeedupOptions } from './graded-rollout.js';

/** Mean of a list (0 when empty). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function byProblem(rollouts: readonly GradedRollout[], correctOnly: boolean): Map<string, GradedRollout[]> {
  const groups = new Map<string, GradedRollout[]>();
  for (const rollout of rollouts) {
    if (correctOnly && !rollout.correct) continue;
    const list = groups.get(rollout.problemId) ?? [];
    list.push(rollout);
    groups.set(rollout.problemId, list);
  }
  return groups;
}

/**
 * Per-problem speedup vs a sequential baseline (spec §3.2): mean baseline latency / mean parallel latency,
 * for every problem present (with a usable rollout) on both sides.
 */
export function perProblemSpeedups(
  parallel: readonly GradedRollout[],
  baseline: readonly GradedRollout[],
  options: SpeedupOptions = {},
): Map<string, number> {
  const correctOnly = options.correctOnly ?? false;
  const ours = byProblem(parallel, correctOnly);
  const theirs = byProblem(baseline, correctOnly);
  const speedups = new Map<string, number>();
  for (const [problemId, rollouts] of ours) {
    const base = theirs.get(problemId);
    if (base === undefined) continue;
    const latency = mean(rollouts.map((r) => r.criticalPathTokens));
    if (latency > 0) speedups.set(problemId, mean(base.map((r) => r.criticalPathTokens)) / latency);
  }
  return speedups;
}

/** The headline speedup: the mean of per-problem speedups (not a ratio of means). */
export function meanSpeedup(
  parallel: readonly GradedRollout[],
  baseline: readonly GradedRollout[],
  options: SpeedupOptions = {},
): number {
  return mean([...perProblemSpeedups(parallel, baseline, options).values()]);
}

/** The largest per-problem speedup among correct rollouts (0 when none). */
export function maxSpeedup(parallel: readonly GradedRollout[], baseline: readonly GradedRollout[]): number {
  const values = [...perProblemSpeedups(parallel, baseline, { correctOnly: true }).values()];
  return values.length === 0 ? 0 : Math.max(...values);
}

/** Share of trajectories with at least one parallel block. */
export function activationRatio(rollouts: readonly GradedRollout[]): number {
  return mean(rollouts.map((r) => (r.withParallel ? 1 : 0)));
}

/** Self-parallelism speedup: L_total / L_longest per trajectory, then averaged (paper Tab. 3/8). */
export function selfParallelismSpeedup(rollouts: readonly GradedRollout[]): number {
  return mean(rollouts.filter((r) => r.criticalPathTokens > 0).map((r) => r.totalTokens / r.criticalPathTokens));
}

/** Accuracy as Avg@k: the mean over problems of each problem's share of correct rollouts. */
export function accuracy(rollouts: readonly GradedRollout[]): number {
  return mean([...byProblem(rollouts, false).values()].map((list) => mean(list.map((r) => (r.correct ? 1 : 0)))));
}

/** Mean token latency (L_longest) over rollouts. */
export function meanTokenLatency(rollouts: readonly GradedRollout[]): number {
  return mean(rollouts.map((r) => r.criticalPathTokens));
}

/** Mean generated tokens (L_total) over rollouts. */
export function meanTotalTokens(rollouts: readonly GradedRollout[]): number {
  return mean(rollouts.map((r) => r.totalTokens));
}
