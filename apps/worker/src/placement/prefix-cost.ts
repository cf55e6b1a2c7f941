import type { MachineLoad } from './placement-decision.js';

/** Used for a machine whose engine has not yet measured a rate (simulator calibration: docs/engine-sim.md). */
export const COST_PRIORS = Object.freeze({ prefillTokensPerSecond: 10_000, stepMs: 25, meanGenerationTokens: 500 });

/** What running one job on one machine is expected to cost, in engine milliseconds. */
export interface MachineCost {
  readonly machine: string;
  /** Prompt tokens its engine is expected to serve from the prefix cache. */
  readonly cachedTokens: number;
  /** Waiting for a sequence slot. */
  readonly waitMs: number;
  /** Prefilling the uncached part of the context. */
  readonly prefillMs: number;
  readonly totalMs: number;
}

/**
 * The cost model: wait for a slot + prefill what the engine does not hold.
 * - Slot wait: the job's position in the engine's queue (1 − free, where free = max seqs − running −
 *   waiting; with engine priority it skips the waiting requests) times the mean time until the next of
 *   the running sequences finishes, a sequence lasting mean generated tokens × decode step and its
 *   residual spread evenly: position × sequence / (running + 1).
 * - Prefill: uncached context tokens ÷ the engine's measured prefill rate.
 */
export function machineCost(
  load: MachineLoad,
  contextTokens: number,
  cachedTokens: number,
  options: { readonly skipsWaiting: boolean },
): MachineCost {
  const stepMs = load.stepMs ?? COST_PRIORS.stepMs;
  const generated = load.meanGenerationTokens ?? COST_PRIORS.meanGenerationTokens;
  const rate = load.prefillTokensPerSecond ?? COST_PRIORS.prefillTokensPerSecond;
  const position = 1 - load.free - (options.skipsWaiting ? (load.waiting ?? 0) : 0);
  const running = Math.max(1, load.running ?? 1);
  const waitMs = position > 0 ? (position * generated * stepMs) / (running + 1) : 0;
  const prefillMs = (Math.max(0, contextTokens - cachedTokens) / rate) * 1000;
  return { machine: load.machine, cachedTokens, waitMs, prefillMs, totalMs: waitMs + prefillMs };
}
