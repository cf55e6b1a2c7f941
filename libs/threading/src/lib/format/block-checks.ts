import { FORMAT_ISSUE_CODES as C, formatIssue, type FormatIssue } from './format-issue.js';
import type { BlockSegment, NumberedElement } from './trajectory.js';

/** The reference validator rejects blocks with more plan items than this. */
export const MAX_OUTLINES = 50;

// Reference body pattern `^\s*(\d+):\s*(.+)$` (DOTALL): digits, colon right after, non-empty text.
const NUMBERED_BODY = /^\s*(\d+):\s*\S/;

/** Semantic checks of one block (spec §3.3 rules 3, 5, 6 and optionally 7) on top of the parse. */
export function checkBlock(block: BlockSegment, requireAdjacentThreads: boolean): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const items = block.plan?.items ?? [];
  if (items.length > MAX_OUTLINES) {
    issues.push(
      formatIssue(
        C.tooManyOutlines,
        `Block has ${items.length} plan items (at most ${MAX_OUTLINES})`,
        block.offsets.start,
      ),
    );
  }
  if (block.plan && items.length !== block.threads.length) {
    issues.push(
      formatIssue(
        C.outlineThreadCountMismatch,
        `Block has ${items.length} plan items but ${block.threads.length} threads`,
        block.offsets.start,
      ),
    );
  }
  const outlineNumbers = checkNumbering(items, issues);
  checkThreads(block.threads, outlineNumbers, issues);
  if (requireAdjacentThreads) checkAdjacency(block.threads, issues);
  return issues;
}

function numberOf(element: NumberedElement): number | null {
  const match = NUMBERED_BODY.exec(element.raw);
  return match?.[1] === undefined ? null : Number(match[1]);
}

function checkNumbering(items: readonly NumberedElement[], issues: FormatIssue[]): (number | null)[] {
  return items.map((item, index) => {
    const number = numberOf(item);
    if (number === null) {
      issues.push(formatIssue(C.malformedOutline, 'Plan item is not "N: text"', item.offsets.start));
    } else if (number !== index + 1) {
      issues.push(
        formatIssue(
          C.outlineNumbersNotConsecutive,
          `Plan item ${index + 1} is numbered ${number} (expected 1..n in order)`,
          item.offsets.start,
        ),
      );
    }
    return number;
  });
}

function checkThreads(
  threads: readonly NumberedElement[],
  outlineNumbers: readonly (number | null)[],
  issues: FormatIssue[],
): void {
  threads.forEach((thread, index) => {
    const number = numberOf(thread);
    if (number === null) {
      issues.push(formatIssue(C.malformedThread, 'Thread is not "N: text"', thread.offsets.start));
      return;
    }
    const expected = outlineNumbers[index];
    if (expected !== undefined && expected !== null && expected !== number) {
      issues.push(
        formatIssue(
          C.threadNumberMismatch,
          `Thread ${index + 1} is numbered ${number}, its plan item ${expected}`,
          thread.offsets.start,
        ),
      );
    }
  });
}

function checkAdjacency(threads: readonly NumberedElement[], issues: FormatIssue[]): void {
  for (let i = 1; i < threads.length; i++) {
    const previous = threads[i - 1];
    const thread = threads[i];
    if (previous && thread && thread.offsets.start !== previous.offsets.end) {
      issues.push(formatIssue(C.threadsNotAdjacent, 'Text between two threads', previous.offsets.end));
    }
  }
}
