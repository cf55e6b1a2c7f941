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
