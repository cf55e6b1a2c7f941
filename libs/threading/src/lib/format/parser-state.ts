import type { Dialect } from '../dialect/index.js';
import { formatIssue, type FormatIssue, type FormatIssueCode } from './format-issue.js';
import type { TagMatch } from './tag-table.js';
import type { BlockSegment, Conclusion, NumberedElement, Plan, Segment } from './trajectory.js';

/** Where the scanner is: one state per container the grammar allows. */
export type ParserMode = 'top' | 'block' | 'plan' | 'planItem' | 'thread' | 'conclusion';

/** An element whose open tag has been seen. */
export interface OpenElement {
  readonly start: number;
  readonly contentStart: number;
}

/** A block under construction. */
export interface BlockBuilder extends OpenElement {
  plan: Plan | null;
  readonly threads: NumberedElement[];
  conclusion: Conclusion | null;
  missingPlanReported: boolean;
}

/** A plan under construction. */
interface PlanBuilder extends OpenElement {
  readonly items: NumberedElement[];
}

/** Mutable state of one parse; handlers in `parse-modes.ts` move it forward tag by tag. */
export interface ParserState {
  readonly text: string;
  readonly dialect: Dialect;
  readonly issues: FormatIssue[];
  readonly segments: Segment[];
  mode: ParserMode;
  /** Start of the pending top-level text segment. */
  textStart: number;
  block: BlockBuilder | null;
  plan: PlanBuilder | null;
  /** The open plan item, thread or conclusion. */
  element: OpenElement | null;
}

/** Records an issue about a tag. */
export function report(state: ParserState, code: FormatIssueCode, message: string, match: TagMatch): void {
  state.issues.push(formatIssue(code, `${message}: ${match.info.text}`, match.start, match.info.text));
}

/** Records an issue at an offset. */
export function reportAt(state: ParserState, code: FormatIssueCode, message: string, offset: number): void {
  state.issues.push(formatIssue(code, message, offset));
}

/** Opens an element at a tag. */
export function openAt(match: TagMatch): OpenElement {
  return { start: match.start, contentStart: match.end };
}

/** Offsets of an element that closes at `[contentEnd, end)`. */
export function offsetsOf(open: OpenElement, contentEnd: number, end: number): BlockSegment['offsets'] {
  return { start: open.start, end, contentStart: open.contentStart, contentEnd };
}

/** Builds a plan item or thread from its content, splitting off the `N:` header. */
export function numberedElement(
  state: ParserState,
  open: OpenElement,
  contentEnd: number,
  end: number,
  closed: boolean,
): NumberedElement {
  const raw = state.text.slice(open.contentStart, contentEnd);
  const header = state.dialect.planItemNumber.exec(raw);
  const number = header?.[1] ?? null;
  const text = (header ? raw.slice(header[0].length) : raw).trim();
  return { number, text, raw, offsets: offsetsOf(open, contentEnd, end), closed };
}

/** Pushes the pending top-level text `[textStart, end)` as a segment when non-empty. */
export function flushText(state: ParserState, end: number): void {
  if (end > state.textStart) {
    state.segments.push({ kind: 'text', text: state.text.slice(state.textStart, end), start: state.textStart, end });
  }
}

/** Closes the current block at `[contentEnd, end)` and returns to top level. */
export function finishBlock(state: ParserState, contentEnd: number, end: number, closed: boolean): void {
  const block = state.block;
  if (!block) return;
  state.segments.push({
    kind: 'block',
    plan: block.plan,
    threads: block.threads,
    conclusion: block.conclusion,
    offsets: offsetsOf(block, contentEnd, end),
    closed,
  });
  state.block = null;
  state.mode = 'top';
  state.textStart = end;
}
