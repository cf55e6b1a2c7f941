import type { MachineLoad } from './placement-decision.js';
import { COST_PRIORS, machineCost, type MachineCost } from './prefix-cost.js';

/** Why a job runs where it runs, or goes back to the queue (events, spans, docs/architecture.md). */
type PlacementReason =
  /** This machine's engine holds the request's prefix and is the cheapest place. */
  | 'prefix-holder'
  /** Waiting for a holder's slot would cost more than prefilling here. */
  | 'spill'
  /** No prefix recorded for the request (its first step): placed by free capacity. */
  | 'capacity'
  /** Another machine is cheaper: back to the queue. */
  | 'hand-back'
  /** Handed back for the configured longest affinity wait: runs where it landed. */
  | 'wait-cap'
  /** No fresh engine reading here: runs where it landed (fail open). */
  | 'unplaced';

/** A machine whose engine served this request and how many context tokens it computed. */
export interface PrefixHolder {
  readonly machine: string;
  readonly tokens: number;
  /** When the call that computed it finished (epoch ms). */
  readonly at: number;
}

/** The outcome for one job: run here or not, why, and the costs compared. */
export interface PlacementChoice {
  readonly run: boolean;
  readonly reason: PlacementReason;
  /** Prompt tokens this machine's engine is expected to have cached (0 when not a holder). */
  readonly cachedTokens: number;
  readonly here?: MachineCost;
  readonly best?: MachineCost;
  /** Set when the job runs here but decodes on another machine's engine (its advertised URL). */
  readonly engine?: { readonly machine: string; readonly url: string };
}

/** What prefix-aware placement decides from. */
interface PrefixPlacementInput {
  readonly self: string;
  /** Fresh readings; this machine's free slots already lowered by what it admitted since its reading. */
  readonly machines: readonly MachineLoad[];
  readonly holders: readonly PrefixHolder[];
  /** True when the job's engine call has priority over waiting requests (it skips them). */
  readonly skipsWaiting: boolean;
}

/**
 * Runs the job here when this machine's cost (slot wait + uncached prefill) is within one decode step
 * of the cheapest machine's; otherwise hands it back so the cheaper machine takes it. The context is
 * the longest prefix a holder recorded; non-holders prefill all of it.
 */
export function decidePrefixPlacement(input: PrefixPlacementInput): PlacementChoice {
  const contextTokens = Math.max(0, ...input.holders.map((holder) => holder.tokens));
  const cached = (machine: string): number =>
    Math.min(contextTokens, Math.max(0, ...input.holders.filter((h) => h.machine === machine).map((h) => h.tokens)));
  const costs = input.machines.map((load) =>
    machineCost(settled(load, input.holders), contextTokens, cached(load.machine), {
      skipsWaiting: input.skipsWaiting,
    }),
  );
  const here = costs.find((cost) => cost.machine === input.self);
  if (here === undefined) return { run: true, reason: 'unplaced', cachedTokens: cached(input.self) };
  const best = costs.reduce((a, b) =>
    b.totalMs < a.totalMs || (b.totalMs === a.totalMs && b.cachedTokens > a.cachedTokens) ? b : a,
  );
  const margin = input.machines.find((load) => load.machine === input.self)?.stepMs ?? COST_PRIORS.stepMs;
  if (here.totalMs <= best.totalMs + margin) {
    return {
      run: true,
      reason: here.cachedTokens > 0 ? 'prefix-holder' : 'spill',
      cachedTokens: here.cachedTokens,
      here,
      best,
    };
  }
  return { run: false, reason: 'hand-back', cachedTokens: here.cachedTokens, here, best };
}

/**
 * A holder's reading taken before its call for this request finished still counts that sequence as
 * running (the step that just forked, on the holder, is the usual case): give its slot back.
 */
function settled(load: MachineLoad, holders: readonly PrefixHolder[]): MachineLoad {
  const finishedSince = holders.some((holder) => holder.machine === load.machine && holder.at > load.at);
  if (!finishedSince) return load;
  return { ...load, free: load.free + 1, running: Math.max(0, (load.running ?? 1) - 1) };
}
