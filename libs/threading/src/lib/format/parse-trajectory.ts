import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { findForeignTags } from './foreign-tags.js';
import { FORMAT_ISSUE_CODES as C, formatIssue, type FormatIssue } from './format-issue.js';
import { handleTag } from './parse-modes.js';
import { finishBlock, flushText, numberedElement, offsetsOf, reportAt, type ParserState } from './parser-state.js';
import { findNextTag, tagTable } from './tag-table.js';
import type { Trajectory } from './trajectory.js';

/** Options of {@link parseTrajectory}. */
export interface ParseOptions {
  /** Tag vocabulary; defaults to ThreadWeaver. */
  readonly dialect?: Dialect;
}

/**
 * Result of {@link parseTrajectory}. The parser always recovers a best-effort trajectory, so
 * `value` is present either way; `ok` is true exactly when no issue was found.
 */
export type ParseResult =
  | { readonly ok: true; readonly value: Trajectory; readonly issues: readonly FormatIssue[] }
  | { readonly ok: false; readonly value: Trajectory; readonly issues: readonly FormatIssue[] };

/**
 * Parses a response into segments and blocks in one left-to-right pass over its tags (linear time).
 * Never throws: malformed, nested, stray or truncated structure becomes issues.
 */
export function parseTrajectory(text: string, options: ParseOptions = {}): ParseResult {
  const dialect = options.dialect ?? THREADWEAVER_DIALECT;
  const table = tagTable(dialect);
  const state: ParserState = {
    text,
    dialect,
    issues: [],
    segments: [],
    mode: 'top',
    textStart: 0,
    block: null,
    plan: null,
    element: null,
  };
  let position = 0;
  for (let match = findNextTag(text, 0, table); match; match = findNextTag(text, position, table)) {
    checkGap(state, position, match.start);
    handleTag(state, match);
    position = match.end;
  }
  checkGap(state, position, text.length);
  finishAtEnd(state);
  const value: Trajectory = { segments: state.segments, length: text.length };
  if (!isSortedByOffset(state.issues)) state.issues.sort((a, b) => a.offset - b.offset);
  return state.issues.length === 0 ? { ok: true, value, issues: [] } : { ok: false, value, issues: state.issues };
}

const NON_WHITESPACE = /\S/g;

/**
 * Inside a block, any tag that is not the dialect's is reported (spec §3.3 rule 2, `foreign-tags.ts`), and
 * between the elements of a block only whitespace is allowed (rule 4).
 */
function checkGap(state: ParserState, from: number, to: number): void {
  if (state.mode === 'top' || to <= from) return;
  for (const { tag, offset } of findForeignTags(state.text, from, to))
    state.issues.push(formatIssue(C.foreignTag, `Foreign tag ${tag} inside a block`, offset, tag));
  if (state.mode !== 'block') return;
  NON_WHITESPACE.lastIndex = from;
  const found = NON_WHITESPACE.exec(state.text);
  if (found && found.index < to) reportAt(state, C.textInBlock, 'Text between the elements of a block', found.index);
}

/** Flushes whatever is still open at the end of the text (truncation). */
function finishAtEnd(state: ParserState): void {
  const end = state.text.length;
  const block = state.block;
  if (state.mode === 'top' || !block) {
    flushText(state, end);
    return;
  }
  const element = state.element;
  if (state.mode === 'planItem' && element && state.plan) {
    reportAt(state, C.unclosedPlanItem, 'Plan item not closed at the end of the text', element.start);
    state.plan.items.push(numberedElement(state, element, end, end, false));
  }
  if ((state.mode === 'planItem' || state.mode === 'plan') && state.plan) {
    reportAt(state, C.unclosedPlan, 'Plan not closed at the end of the text', state.plan.start);
    block.plan ??= { items: state.plan.items, offsets: offsetsOf(state.plan, end, end), closed: false };
  }
  if (state.mode === 'thread' && element) {
    reportAt(state, C.unclosedThread, 'Thread not closed at the end of the text', element.start);
    block.threads.push(numberedElement(state, element, end, end, false));
  }
  if (state.mode === 'conclusion' && element) {
    reportAt(state, C.unclosedConclusion, 'Conclusion not closed at the end of the text', element.start);
    block.conclusion ??= {
      raw: state.text.slice(element.contentStart),
      offsets: offsetsOf(element, end, end),
      closed: false,
    };
  }
  reportAt(state, C.unclosedBlock, 'Block not closed at the end of the text', block.start);
  finishBlock(state, end, end, false);
}

function isSortedByOffset(issues: readonly FormatIssue[]): boolean {
  for (let i = 1; i < issues.length; i++) {
    if ((issues[i]?.offset ?? 0) < (issues[i - 1]?.offset ?? 0)) return false;
  }
  return true;
}
