import type { Dialect } from '../dialect/index.js';

/** Outline numbers of the block a sequential step just planned. */
export interface PlannedOutlines {
  /** De-duplicated, first occurrence kept, in outline order. */
  readonly numbers: readonly string[];
  /** Later occurrences of a number already seen, in order. */
  readonly duplicates: readonly string[];
}

/**
 * Parses outline numbers from the text after the last plan-open tag of `stepText`, the newly decoded
 * step. Scoping to the current block (spec §2.4) means a plan close with no new plan open yields no
 * numbers, instead of re-spawning an earlier block's outlines. Numbers are kept as written ("1.2").
 */
export function parsePlannedOutlines(stepText: string, dialect: Dialect): PlannedOutlines {
  const planStart = stepText.lastIndexOf(dialect.tags.plan.open);
  if (planStart < 0) return { numbers: [], duplicates: [] };
  const plan = stepText.slice(planStart + dialect.tags.plan.open.length);
  const numbers: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const number of itemNumbers(plan, dialect)) {
    if (seen.has(number)) duplicates.push(number);
    else {
      seen.add(number);
      numbers.push(number);
    }
  }
  return { numbers, duplicates };
}

function* itemNumbers(plan: string, dialect: Dialect): Generator<string> {
  const open = dialect.tags.planItem.open;
  for (let at = plan.indexOf(open); at >= 0; at = plan.indexOf(open, at + open.length)) {
    const match = dialect.planItemNumber.exec(plan.slice(at + open.length, at + open.length + 64));
    if (match?.[1] !== undefined) yield match[1];
  }
}
