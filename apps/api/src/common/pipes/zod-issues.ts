import type { z } from 'zod';
import { ValidationFailedError, type FieldIssue } from '../errors/validation-failed.error.js';

const RULES: Readonly<Record<string, string>> = {
  invalid_type: 'type',
  too_big: 'maximum',
  too_small: 'minimum',
  unrecognized_keys: 'unknown_field',
  invalid_value: 'enum',
  invalid_format: 'format',
  not_multiple_of: 'multiple_of',
  invalid_union: 'union',
  invalid_key: 'key',
  invalid_element: 'element',
};

/** Renders a zod path as `messages[0].content`; the empty path is `body`. */
function fieldPath(path: readonly PropertyKey[], root = 'body'): string {
  if (path.length === 0) return root;
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/** Converts zod issues into field/rule pairs; an unknown key is reported under its own name. */
function toFieldIssues(issues: readonly z.core.$ZodIssue[], root = 'body'): FieldIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldPath([...issue.path, key], root),
        rule: 'unknown_field',
        message: `unknown field '${key}'`,
      }));
    }
    const custom = issue.code === 'custom' ? (issue.params as { rule?: string } | undefined)?.rule : undefined;
    return [
      { field: fieldPath(issue.path, root), rule: custom ?? RULES[issue.code] ?? issue.code, message: issue.message },
    ];
  });
}

/** Parses `input` with `schema` or throws {@link ValidationFailedError}. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, root = 'body'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationFailedError(toFieldIssues(parsed.error.issues, root));
  return parsed.data;
}
