import type { PackingIssue } from './packing-issue.js';
import type { TokenEncoder } from './token-encoder.js';

/** A character range `[start, end)` of the response that the model generated (one engine call's completion). */
export interface GeneratedRange {
  readonly start: number;
  readonly end: number;
}

/** The response's token ids with a 1 for every token inside a generated range, or why the ranges are unusable. */
export type GeneratedEncoding =
  | { readonly ok: true; readonly ids: readonly number[]; readonly generated: Uint8Array }
  | { readonly ok: false; readonly issues: readonly PackingIssue[] };

/**
 * Encodes the response piece by piece, cutting at every range boundary, so no token spans generated
 * and inserted text: each completion is encoded on its own, as the engine produced it apart from the
 * orchestrator's headers and joins. Ranges must be ascending, disjoint and inside the response.
 */
export function encodeGenerated(
  encoder: TokenEncoder,
  response: string,
  ranges: readonly GeneratedRange[],
): GeneratedEncoding {
  const bad = ranges.findIndex(
    (range, index) =>
      !Number.isInteger(range.start) ||
      !Number.isInteger(range.end) ||
      range.start < (index === 0 ? 0 : (ranges[index - 1]?.end ?? 0)) ||
      range.end < range.start ||
      range.end > response.length,
  );
  if (bad >= 0) {
    const message = `generated range ${bad} is not ascending, disjoint and inside the ${response.length}-character response`;
    return { ok: false, issues: [{ code: 'bad_generated_range', message, tokenIndex: 0 }] };
  }
  const ids: number[] = [];
  const flags: number[] = [];
  const piece = (start: number, end: number, flag: number): void => {
    if (end <= start) return;
    for (const id of encoder.encode(response.slice(start, end))) {
      ids.push(id);
      flags.push(flag);
    }
  };
  let at = 0;
  for (const range of ranges) {
    piece(at, range.start, 0);
    piece(range.start, range.end, 1);
    at = range.end;
  }
  piece(at, response.length, 0);
  return { ok: true, ids, generated: Uint8Array.from(flags) };
}
