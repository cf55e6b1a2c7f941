import type { DatasetRollouts } from './evaluation-table.js';
import type { GradedRollout } from './graded-rollout.js';

/** Which system produced a rollout: the parallel model or its sequential baseline. */
export const ROLLOUT_SYSTEMS = { parallel: 'parallel', baseline: 'baseline' } as const;

/** One of {@link ROLLOUT_SYSTEMS}. */
export type RolloutSystem = (typeof ROLLOUT_SYSTEMS)[keyof typeof ROLLOUT_SYSTEMS];

/** A graded rollout labelled with its dataset and system, as an evaluation run logs them. */
export interface LabelledRollout extends GradedRollout {
  readonly dataset: string;
  readonly system: RolloutSystem;
}

/** Groups a flat list of labelled rollouts by dataset (first-seen order) for `evaluationTable`. */
export function groupByDataset(rollouts: readonly LabelledRollout[]): DatasetRollouts[] {
  const groups = new Map<string, { parallel: GradedRollout[]; baseline: GradedRollout[] }>();
  for (const rollout of rollouts) {
    const group = groups.get(rollout.dataset) ?? { parallel: [], baseline: [] };
    group[rollout.system].push(rollout);
    groups.set(rollout.dataset, group);
  }
  return [...groups].map(([dataset, group]) => ({ dataset, parallel: group.parallel, baseline: group.baseline }));
}
