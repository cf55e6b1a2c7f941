import { FORMAT_RULES as R, type FormatRule } from './format-rule.js';

/**
 * Stable, snake_case issue codes reported by the parser and the validator. Tools and checks
 * match on these strings, so a code is never renamed; new problems get new codes.
 */
export const FORMAT_ISSUE_CODES = {
  /** A block open tag with no matching close before the end of the text. */
  unclosedBlock: 'unclosed_block',
  /** A block close tag with no open block. */
  strayBlockClose: 'stray_block_close',
  /** A block open tag inside a block (one level of parallelism only). */
  nestedBlock: 'nested_block',
  /** A non-structure tag (e.g. `<think>`) between the elements of a block. */
  tagInsideBlock: 'tag_inside_block',
  /** A tag that is not the dialect's (e.g. HTML `<b>`) anywhere inside a block; `tag` names it. */
  foreignTag: 'foreign_tag',
  /** A plan, plan-item, thread or conclusion tag outside any block. */
  tagOutsideBlock: 'tag_outside_block',
  /** A structural tag in a place where it cannot open anything (e.g. `<Outline>` outside the plan). */
  misplacedTag: 'misplaced_tag',
  /** A close tag (other than the block's) that closes nothing. */
  strayCloseTag: 'stray_close_tag',
  unclosedPlan: 'unclosed_plan',
  unclosedPlanItem: 'unclosed_plan_item',
  unclosedThread: 'unclosed_thread',
  unclosedConclusion: 'unclosed_conclusion',
  /** Any dialect tag inside a thread body (only the thread close tag ends a thread). */
  tagInsideThread: 'tag_inside_thread',
  tagInsidePlanItem: 'tag_inside_plan_item',
  tagInsideConclusion: 'tag_inside_conclusion',
  /** Non-whitespace text between the elements of a block. */
  textInBlock: 'text_in_block',
  missingPlan: 'missing_plan',
  missingThreads: 'missing_threads',
  duplicatePlan: 'duplicate_plan',
  planAfterThread: 'plan_after_thread',
  duplicateConclusion: 'duplicate_conclusion',
  threadAfterConclusion: 'thread_after_conclusion',
  /** Validator: the block has a different number of plan items and threads. */
  outlineThreadCountMismatch: 'outline_thread_count_mismatch',
  /** Validator: more plan items than the reference validator accepts (50). */
  tooManyOutlines: 'too_many_outlines',
  /** Validator: a plan item is not `N: text`. */
  malformedOutline: 'malformed_outline',
  /** Validator: plan item numbers are not exactly 1..n in order. */
  outlineNumbersNotConsecutive: 'outline_numbers_not_consecutive',
  /** Validator: a thread body is not `N: text`. */
  malformedThread: 'malformed_thread',
  /** Validator: thread numbers differ from the plan item numbers (same order, one to one). */
  threadNumberMismatch: 'thread_number_mismatch',
  /** Validator (only with `requireAdjacentThreads`): text between two threads. */
  threadsNotAdjacent: 'threads_not_adjacent',
} as const;

/** One of the stable issue codes. */
export type FormatIssueCode = (typeof FORMAT_ISSUE_CODES)[keyof typeof FORMAT_ISSUE_CODES];

const C = FORMAT_ISSUE_CODES;

/** The rule each issue code breaks. */
export const RULE_OF_ISSUE: Readonly<Record<FormatIssueCode, FormatRule>> = {
  [C.unclosedBlock]: R.blockTagsBalanced,
  [C.strayBlockClose]: R.blockTagsBalanced,
  [C.nestedBlock]: R.blockTagsAllowed,
  [C.tagInsideBlock]: R.blockTagsAllowed,
  [C.foreignTag]: R.blockTagsAllowed,
  [C.tagInsideConclusion]: R.blockTagsAllowed,
  [C.tagOutsideBlock]: R.tagCountsBalanced,
  [C.misplacedTag]: R.tagCountsBalanced,
  [C.strayCloseTag]: R.tagCountsBalanced,
  [C.unclosedPlan]: R.tagCountsBalanced,
  [C.unclosedPlanItem]: R.tagCountsBalanced,
  [C.unclosedThread]: R.tagCountsBalanced,
  [C.unclosedConclusion]: R.tagCountsBalanced,
  [C.outlineThreadCountMismatch]: R.tagCountsBalanced,
  [C.tooManyOutlines]: R.tagCountsBalanced,
  [C.textInBlock]: R.blockStructure,
  [C.missingPlan]: R.blockStructure,
  [C.missingThreads]: R.blockStructure,
  [C.duplicatePlan]: R.blockStructure,
  [C.planAfterThread]: R.blockStructure,
  [C.duplicateConclusion]: R.blockStructure,
  [C.threadAfterConclusion]: R.blockStructure,
  [C.tagInsidePlanItem]: R.outlineNumbersConsecutive,
  [C.malformedOutline]: R.outlineNumbersConsecutive,
  [C.outlineNumbersNotConsecutive]: R.outlineNumbersConsecutive,
  [C.tagInsideThread]: R.threadsMatchOutlines,
  [C.malformedThread]: R.threadsMatchOutlines,
  [C.threadNumberMismatch]: R.threadsMatchOutlines,
  [C.threadsNotAdjacent]: R.threadsAdjacent,
};

/** A problem found in a trajectory text; `offset` is a UTF-16 index into the input. */
export interface FormatIssue {
  readonly code: FormatIssueCode;
  readonly message: string;
  readonly offset: number;
  /** The strict rule (spec §3.3) this problem breaks. */
  readonly rule: FormatRule;
  /** The offending tag, when the issue is about one tag. */
  readonly tag?: string;
}

/** Builds an issue with its rule, adding `tag` only when given (exactOptionalPropertyTypes). */
export function formatIssue(code: FormatIssueCode, message: string, offset: number, tag?: string): FormatIssue {
  const rule = RULE_OF_ISSUE[code];
  return tag === undefined ? { code, message, offset, rule } : { code, message, offset, rule, tag };
}
