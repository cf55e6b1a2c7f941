import type { Dialect } from '../dialect/index.js';
import { findNextTag, tagTable } from '../format/tag-table.js';

/** Counts a text as: one token per dialect tag, plus `countPiece` over each stretch between tags. */
export function countWithTags(text: string, dialect: Dialect, countPiece: (piece: string) => number): number {
  const table = tagTable(dialect);
  let total = 0;
  let position = 0;
  for (let match = findNextTag(text, 0, table); match; match = findNextTag(text, position, table)) {
    if (match.start > position) total += countPiece(text.slice(position, match.start));
    total += 1;
    position = match.end;
  }
  if (position < text.length) total += countPiece(position === 0 ? text : text.slice(position));
  return total;
}
