/** Why a trajectory could not be packed. */
export const PACKING_ISSUE_CODES = [
  'unclosed_block',
  'unclosed_thread',
  'no_thread_in_block',
  'units_not_nested',
  'bad_generated_range',
] as const;
/** One of {@link PACKING_ISSUE_CODES}. */
export type PackingIssueCode = (typeof PACKING_ISSUE_CODES)[number];

/** A reason a trajectory cannot be packed, at a token index of the encoded sequence. */
export interface PackingIssue {
  readonly code: PackingIssueCode;
  readonly message: string;
  readonly tokenIndex: number;
}
