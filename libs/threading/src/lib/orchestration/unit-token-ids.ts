import type { CallUnit } from './orchestrator-state.js';

/**
 * A call's prompt ids, stored by reference: the first `keep` ids of unit `from`'s whole sequence (its
 * prompt ids, then its generated ids), followed by `tail`; `from` −1 means `tail` is the whole prompt.
 * Consecutive calls share nearly all of their context, so a state keeps each id about once instead of
 * once per call.
 */
export interface StoredPromptIds {
  readonly from: number;
  readonly keep: number;
  readonly tail: readonly number[];
}

/** The prompt ids of `units[index]` as the engine saw them; undefined when the engine returned none. */
export function unitPromptIds(units: readonly CallUnit[], index: number): number[] | undefined {
  const ids = new UnitIds(units);
  const prompt = ids.prompt(index);
  if (prompt === undefined) return undefined;
  const out: number[] = [];
  ids.appendPrompt(prompt, prompt.length, out);
  return out;
}

/** Prompt ids followed by generated ids of `units[index]`; undefined unless the engine returned both. */
export function unitSequenceIds(units: readonly CallUnit[], index: number): number[] | undefined {
  const ids = new UnitIds(units);
  const length = ids.sequenceLength(index);
  if (length === undefined) return undefined;
  const out: number[] = [];
  ids.appendSequence(index, length, out);
  return out;
}

/** The ids a StoredPromptIds made against `units` stands for (undefined when its base unit has no ids). */
export function expandPromptIds(units: readonly CallUnit[], stored: StoredPromptIds): number[] | undefined {
  const ids = new UnitIds(units);
  const baseLength = stored.from < 0 ? 0 : ids.sequenceLength(stored.from);
  if (baseLength === undefined) return undefined;
  const out: number[] = [];
  if (stored.from >= 0) ids.appendSequence(stored.from, sliceLength(stored.keep, baseLength), out);
  appendPart(stored.tail, stored.tail.length, out);
  return out;
}

/** Stores `promptIds` against the earlier unit whose sequence shares the longest prefix with it. */
export function storePromptIds(units: readonly CallUnit[], promptIds: readonly number[]): StoredPromptIds {
  const ids = new UnitIds(units);
  const shared = new Map<number, number | undefined>();
  let best: StoredPromptIds = { from: -1, keep: 0, tail: promptIds };
  units.forEach((_, index) => {
    const keep = ids.sharedPrefix(index, promptIds, shared);
    if (keep !== undefined && keep > best.keep) best = { from: index, keep, tail: promptIds.slice(keep) };
  });
  return best;
}

/** How a unit's prompt is made: the first `kept` ids of unit `base`'s sequence (−1: none), then `tail`. */
interface PromptShape {
  readonly base: number;
  readonly kept: number;
  readonly tail: readonly number[];
  readonly length: number;
}

/**
 * The units' ids read through their references, never expanded along the way: a prompt is a prefix of
 * an earlier unit's sequence plus a tail, so lengths and shared prefixes follow the references, and the
 * ids of one prompt are copied once, into the result (a state of many long-context calls would otherwise
 * copy the whole context once per unit it passes through).
 */
class UnitIds {
  private readonly prompts = new Map<number, PromptShape | undefined>();
  private readonly units: readonly CallUnit[];

  constructor(units: readonly CallUnit[]) {
    this.units = units;
  }

  /** The shape of unit `index`'s prompt; undefined when it has no stored ids or its base unit has none. */
  prompt(index: number): PromptShape | undefined {
    if (this.prompts.has(index)) return this.prompts.get(index);
    const stored = this.units[index]?.promptIds;
    let shape: PromptShape | undefined;
    if (stored !== undefined) {
      // A reference points strictly backwards (stored when the unit was added), so this recursion ends.
      const base = stored.from < 0 || stored.from >= index ? -1 : stored.from;
      const baseLength = base < 0 ? 0 : this.sequenceLength(base);
      if (baseLength !== undefined) {
        const kept = sliceLength(stored.keep, baseLength);
        shape = { base, kept, tail: stored.tail, length: kept + stored.tail.length };
      }
    }
    this.prompts.set(index, shape);
    return shape;
  }

  /** Length of unit `index`'s prompt + generated ids; undefined unless it has both. */
  sequenceLength(index: number): number | undefined {
    const tokenIds = this.units[index]?.tokenIds;
    const prompt = tokenIds === undefined ? undefined : this.prompt(index);
    return prompt === undefined || tokenIds === undefined ? undefined : prompt.length + tokenIds.length;
  }

  /** Appends the first `count` ids of unit `index`'s sequence (which has ids) to `out`. */
  appendSequence(index: number, count: number, out: number[]): void {
    const prompt = this.prompt(index) as PromptShape;
    this.appendPrompt(prompt, Math.min(count, prompt.length), out);
    appendPart(this.units[index]?.tokenIds ?? [], count - prompt.length, out);
  }

  /** Appends the first `count` ids of a prompt to `out`. */
  appendPrompt(prompt: PromptShape, count: number, out: number[]): void {
    if (prompt.base >= 0) this.appendSequence(prompt.base, Math.min(count, prompt.kept), out);
    appendPart(prompt.tail, count - prompt.kept, out);
  }

  /** How many leading ids unit `index`'s sequence shares with `ids` (undefined: the unit has no sequence). */
  sharedPrefix(index: number, ids: readonly number[], memo: Map<number, number | undefined>): number | undefined {
    if (memo.has(index)) return memo.get(index);
    const tokenIds = this.units[index]?.tokenIds;
    const prompt = tokenIds === undefined ? undefined : this.prompt(index);
    let shared: number | undefined;
    if (prompt !== undefined && tokenIds !== undefined) {
      const base = prompt.base < 0 ? prompt.kept : (this.sharedPrefix(prompt.base, ids, memo) as number);
      shared = base < prompt.kept ? base : matchPart(prompt.tail, ids, prompt.kept);
      if (shared === prompt.length) shared = matchPart(tokenIds, ids, shared);
    }
    memo.set(index, shared);
    return shared;
  }
}

/** `at` + how many leading ids of `part` equal `ids[at…]`. */
function matchPart(part: readonly number[], ids: readonly number[], at: number): number {
  let i = 0;
  while (i < part.length && at + i < ids.length && part[i] === ids[at + i]) i++;
  return at + i;
}

function appendPart(part: readonly number[], count: number, out: number[]): void {
  const end = Math.min(count, part.length);
  for (let i = 0; i < end; i++) out.push(part[i] as number);
}

/** `Array.prototype.slice(0, keep)`'s length on an array of `length` (stored values are non-negative integers). */
function sliceLength(keep: number, length: number): number {
  const at = Math.trunc(keep);
  return Math.max(0, Math.min(at < 0 ? length + at : at, length));
}
