import type { AdvantageOptions } from './advantage-options.js';
import { rolloutAdvantages } from './group-advantages.js';
import type { GroupedReward } from './group-advantages.js';

/** The structural minimum of one unit (context/completion pair) from the orchestration call log. */
export interface CompletionUnit {
  readonly completionTokens: number;
}

/** A rollout with its units: every completion token of every unit receives the rollout's advantage. */
export interface RolloutWithUnits extends GroupedReward {
  readonly units: readonly CompletionUnit[];
}

/** Per-token advantages of one rollout: one array per unit, each as long as its completion, filled with `advantage`. */
export function broadcastAdvantage(advantage: number, units: readonly CompletionUnit[]): number[][] {
  return units.map((unit) => new Array<number>(Math.max(0, Math.trunc(unit.completionTokens))).fill(advantage));
}

/** Token-level P-GRPO advantages: group statistics over rollouts (each once), then broadcast to their units. */
export function tokenAdvantages(rollouts: readonly RolloutWithUnits[], options: AdvantageOptions = {}): number[][][] {
  const advantages = rolloutAdvantages(rollouts, options);
  return rollouts.map((rollout, i) => broadcastAdvantage(advantages[i] ?? 0, rollout.units));
}

/** Σ completion tokens over all rollouts and units: the token-mean loss normaliser (paper Eq. 3–4). */
export function completionTokenCount(rollouts: readonly { readonly units: readonly CompletionUnit[] }[]): number {
  return rollouts.reduce(
    (sum, r) => sum + r.units.reduce((s, u) => s + Math.max(0, Math.trunc(u.completionTokens)), 0),
    0,
  );
}
