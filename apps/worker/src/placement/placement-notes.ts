import type { PlacementChoice } from './prefix-decision.js';

/** The placement choice of each job this process started, for its events and spans. */
const notes = new WeakMap<object, PlacementChoice>();

/** Remembers why `job` runs here. */
export function notePlacement(job: object, choice: PlacementChoice): void {
  notes.set(job, choice);
}

/** Why `job` runs here; undefined when no placement ran (placement off, join jobs). */
export function placementOf(job: object): PlacementChoice | undefined {
  return notes.get(job);
}

/** Event fields of a placement: the reason, expected cached tokens and the compared costs (engine ms). */
export function placementFields(choice: PlacementChoice | undefined): Record<string, unknown> {
  if (choice === undefined) return {};
  return {
    placement: {
      because: choice.reason,
      expectedCachedTokens: choice.cachedTokens,
      ...(choice.here === undefined ? {} : { costMs: Math.round(choice.here.totalMs) }),
      ...(choice.best === undefined
        ? {}
        : { bestMachine: choice.best.machine, bestCostMs: Math.round(choice.best.totalMs) }),
      ...(choice.engine === undefined ? {} : { engineMachine: choice.engine.machine }),
    },
  };
}

/** Span attributes of a placement. */
export function placementAttributes(choice: PlacementChoice | undefined): Record<string, string | number> {
  if (choice === undefined) return {};
  return {
    'threadloom.placement.because': choice.reason,
    'threadloom.placement.expected_cached_tokens': choice.cachedTokens,
    ...(choice.here === undefined ? {} : { 'threadloom.placement.cost_ms': Math.round(choice.here.totalMs) }),
    ...(choice.engine === undefined ? {} : { 'threadloom.placement.engine_machine': choice.engine.machine }),
  };
}
