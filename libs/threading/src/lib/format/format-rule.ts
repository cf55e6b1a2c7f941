import { FORMAT_ISSUE_CODES as C, type FormatIssueCode } from './format-issue.js';

/** The strict validator's rules, numbered as in spec §3.3 (reference `is_parallel_format_correct_v2`). */
export const FORMAT_RULES = {
  /** Rule 1: as many block open tags as close tags. */
  blockTagsBalanced: 'block_tags_balanced',
  /** Rule 2: no nested block; only plan, plan-item, thread and conclusion tags inside a block. */
  blockTagsAllowed: 'block_tags_allowed',
  /** Rule 3: every tag closed, as many plan items as threads, at most 50 plan items. */
  tagCountsBalanced: 'tag_counts_balanced',
  /** Rule 4: a block is whitespace, plan, whitespace, threads, whitespace, optional conclusion, whitespace. */
  blockStructure: 'block_structure',
  /** Rule 5: plan items are `N: text` without tags, numbered exactly 1..n. */
  outlineNumbersConsecutive: 'outline_numbers_consecutive',
  /** Rule 6: threads are `N: text` without tags, numbered like the plan items, one to one, in order. */
  threadsMatchOutlines: 'threads_match_outlines',
  /** Rule 7 (off unless `requireAdjacentThreads`): threads are byte-adjacent. */
  threadsAdjacent: 'threads_adjacent',
} as const;

/** One of the strict validator's rule names. */
export type FormatRule = (typeof FORMAT_RULES)[keyof typeof FORMAT_RULES];

const R = FORMAT_RULES;

/** The rule each issue code breaks. */
export const RULE_OF_ISSUE: Readonly<Record<FormatIssueCode, FormatRule>> = {
  [C.unclosedBlock]: R.blockTagsBalanced,
  [C.strayBlockClose]: R.blockTagsBalanced,
  [C.nestedBlock]: R.blockTagsAllowed,
  [C.tagInsideBlock]: R.blockTagsAllowed,
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
