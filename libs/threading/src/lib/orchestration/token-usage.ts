import type { CallUnit, OrchestratorState } from './orchestrator-state.js';

/** Where a run's token counts come from: every call's engine usage, the tokenizer fallback, or both. */
export type TokenCountSource = 'engine' | 'tokenizer' | 'mixed';

/** A run's token accounting from its engine calls (not from the text: inserted headers and joins are prompt). */
export interface TokenUsage {
  /** Prompt tokens of the request itself: the first sequential call's prompt; null before any call. */
  readonly promptTokens: number | null;
  /** Every generated token: sequential steps and threads. */
  readonly completionTokens: number;
  /** Prompt tokens served from the prefix cache, over every call. */
  readonly cachedTokens: number;
  /** Tokens on the critical path: every sequential step plus the longest thread of each block. */
  readonly criticalPathTokens: number;
  /** completion ÷ critical path (1 when nothing was generated). */
  readonly tokenSpeedup: number;
  /** Engine calls counted. */
  readonly calls: number;
  readonly source: TokenCountSource;
}

/** Sums the engine-reported usage of every call unit of a (possibly partial) run. */
export function tokenUsage(state: OrchestratorState): TokenUsage {
  const longestThread = new Map<number, number>();
  let completionTokens = 0;
  let sequentialTokens = 0;
  let cachedTokens = 0;
  for (const unit of state.units) {
    completionTokens += unit.completionTokens;
    cachedTokens += unit.cachedTokens ?? 0;
    if (unit.kind === 'sequential') sequentialTokens += unit.completionTokens;
    else longestThread.set(unit.block, Math.max(longestThread.get(unit.block) ?? 0, unit.completionTokens));
  }
  let criticalPathTokens = sequentialTokens;
  for (const longest of longestThread.values()) criticalPathTokens += longest;
  const first = state.units.find((unit) => unit.kind === 'sequential');
  return {
    promptTokens: first?.promptTokens ?? null,
    completionTokens,
    cachedTokens,
    criticalPathTokens,
    tokenSpeedup: criticalPathTokens > 0 ? completionTokens / criticalPathTokens : 1,
    calls: state.units.length,
    source: sourceOf(state.units),
  };
}

function sourceOf(units: readonly CallUnit[]): TokenCountSource {
  const estimated = units.filter((unit) => unit.usageSource === 'tokenizer').length;
  if (estimated === 0) return 'engine';
  return estimated === units.length ? 'tokenizer' : 'mixed';
}
