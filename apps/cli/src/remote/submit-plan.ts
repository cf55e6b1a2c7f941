import { createHash } from 'node:crypto';
import type { PreparedLine } from './input-lines.js';

/** The documented default of the API's `API_MAX_BATCH_SIZE`. */
export const DEFAULT_MAX_BATCH_SIZE = 5_000;

/** One line of a planned batch: its number and identity. */
export interface PlannedLine {
  readonly n: number;
  readonly digest: string;
}

/** A batch the run creates (or created): its idempotency key, its lines and, once known, its id. */
export interface PlannedBatch {
  readonly key: string;
  readonly lines: readonly PlannedLine[];
  readonly id?: string;
}

/** The idempotency key of a batch: derived from the run and the identities (number + content) of its lines. */
export function batchKey(runId: string, lines: readonly PlannedLine[]): string {
  const hash = createHash('sha256').update(runId);
  for (const line of lines) hash.update(`\n${line.digest}`);
  return `tl-submit-${hash.digest('hex').slice(0, 48)}`;
}

/**
 * New batches for the lines no earlier batch of this run holds (and that the API has not rejected),
 * in file order, at most `maxBatchSize` lines each.
 */
export function planNewBatches(
  runId: string,
  lines: readonly PreparedLine[],
  existing: readonly PlannedBatch[],
  rejected: ReadonlySet<string>,
  maxBatchSize: number,
): PlannedBatch[] {
  const covered = new Set(existing.flatMap((batch) => batch.lines.map((line) => line.digest)));
  const open = lines
    .filter((line) => !covered.has(line.digest) && !rejected.has(line.digest))
    .map((line): PlannedLine => ({ n: line.lineNumber, digest: line.digest }));
  const batches: PlannedBatch[] = [];
  for (let start = 0; start < open.length; start += maxBatchSize) {
    const chunk = open.slice(start, start + maxBatchSize);
    batches.push({ key: batchKey(runId, chunk), lines: chunk });
  }
  return batches;
}

/** The batch without the given lines (new key: a batch with other lines is another batch). */
export function withoutLines(runId: string, batch: PlannedBatch, lineNumbers: ReadonlySet<number>): PlannedBatch {
  const lines = batch.lines.filter((line) => !lineNumbers.has(line.n));
  return { key: batchKey(runId, lines), lines };
}
