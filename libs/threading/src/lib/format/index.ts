export { FORMAT_ISSUE_CODES, formatIssue, RULE_OF_ISSUE } from './format-issue.js';
export type { FormatIssue, FormatIssueCode } from './format-issue.js';
export { FORMAT_RULES } from './format-rule.js';
export type { FormatRule } from './format-rule.js';
export { MAX_OUTLINES } from './block-checks.js';
export { parseTrajectory } from './parse-trajectory.js';
export type { ParseOptions, ParseResult } from './parse-trajectory.js';
export { serializeTrajectory } from './serialize-trajectory.js';
export type { SerializeOptions } from './serialize-trajectory.js';
export { validateFormat } from './validate-format.js';
export type { ValidateOptions, ValidationIssue, ValidationMode, ValidationResult } from './validate-format.js';
export { findNextTag, tagTable } from './tag-table.js';
export type { TagInfo, TagMatch, TagRole, TagTable } from './tag-table.js';
export type {
  BlockSegment,
  Conclusion,
  ElementOffsets,
  NumberedElement,
  Plan,
  Segment,
  TextSegment,
  Trajectory,
} from './trajectory.js';
