import { THREADWEAVER_DIALECT, type Dialect } from '../dialect/index.js';
import { checkBlock } from './block-checks.js';
import { FORMAT_ISSUE_CODES as C, type FormatIssue, type FormatIssueCode } from './format-issue.js';
import { parseTrajectory, type ParseResult } from './parse-trajectory.js';
import { tagTable } from './tag-table.js';

/** `strict` = spec §3.3 rules 1–7; `lenient` = strict minus the relaxations of {@link validateFormat}. */
export type ValidationMode = 'strict' | 'lenient';

/** Options of {@link validateFormat}. */
export interface ValidateOptions {
  readonly mode?: ValidationMode;
  readonly dialect?: Dialect;
  /** Rule 7 (`allow_nonempty_whitespace=False` in the reference): threads must be byte-adjacent. Default false. */
  readonly requireAdjacentThreads?: boolean;
}

/** A failed rule: a format issue, which names its rule. */
export type ValidationIssue = FormatIssue;

/** Result of {@link validateFormat}: `ok` exactly when `issues` is empty. */
export interface ValidationResult {
  readonly ok: boolean;
  readonly issues: readonly ValidationIssue[];
}

const BODY_TAG_CODES: ReadonlySet<FormatIssueCode> = new Set([
  C.tagInsideThread,
  C.tagInsidePlanItem,
  C.tagInsideConclusion,
  C.tagInsideBlock,
]);

/**
 * Checks a response (text, or an earlier parse of it) against the format rules. A response with
 * no block is valid and the conclusion is optional. Lenient mode relaxes exactly three things:
 * (1) reasoning-family tags (`<think>`, `</think>`, legacy `<Think>`, `</Think>`) inside a thread, plan item,
 * conclusion or between block elements are tolerated; (2) so are foreign tags (`<b>`, `foreign_tag`) inside a
 * block; (3) when the text ends inside an unclosed block (truncation), that last block is ignored: only the
 * text before its open tag is checked.
 */
export function validateFormat(textOrParsed: string | ParseResult, options: ValidateOptions = {}): ValidationResult {
  const dialect = options.dialect ?? THREADWEAVER_DIALECT;
  const parsed = typeof textOrParsed === 'string' ? parseTrajectory(textOrParsed, { dialect }) : textOrParsed;
  const lenient = options.mode === 'lenient';
  const blockIssues: FormatIssue[] = [];
  for (const segment of parsed.value.segments) {
    if (segment.kind === 'block') blockIssues.push(...checkBlock(segment, options.requireAdjacentThreads ?? false));
  }
  const candidates =
    blockIssues.length === 0 ? parsed.issues : [...parsed.issues, ...blockIssues].sort((a, b) => a.offset - b.offset);
  if (!lenient) return { ok: candidates.length === 0, issues: candidates };
  const cutoff = truncationCutoff(parsed);
  const table = tagTable(dialect);
  const issues = candidates.filter(
    (issue) =>
      issue.offset < cutoff &&
      issue.code !== C.foreignTag &&
      !(
        issue.tag !== undefined &&
        BODY_TAG_CODES.has(issue.code) &&
        table.byText.get(issue.tag)?.reasoningFamily === true
      ),
  );
  return { ok: issues.length === 0, issues };
}

/** Start of the last segment when it is a block left open by truncation; otherwise no cutoff. */
function truncationCutoff(parsed: ParseResult): number {
  const last = parsed.value.segments.at(-1);
  return last?.kind === 'block' && !last.closed ? last.offsets.start : Number.POSITIVE_INFINITY;
}
