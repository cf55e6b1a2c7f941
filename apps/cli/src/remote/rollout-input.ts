/** One problem of a rollout job as `POST /v1/rollouts` takes it. */
export interface RolloutProblemLine {
  readonly custom_id?: string;
  readonly problem?: string;
  readonly prompt?: string;
  readonly messages?: unknown;
  readonly ground_truth: string | readonly string[];
}

/** The problems of a file, or the lines that cannot be sent (with 1-based numbers and reasons). */
type RolloutInput =
  | { readonly ok: true; readonly problems: readonly RolloutProblemLine[] }
  | { readonly ok: false; readonly issues: readonly string[] };

const PROMPT_FIELDS = ['problem', 'prompt', 'messages'] as const;

/**
 * Reads a JSONL file of problems with ground truth: `{ id?|custom_id?, problem|prompt|messages,
 * answer|ground_truth }` (the shape of `examples/problems.jsonl`). Blank lines are skipped; any other
 * line that cannot be sent is reported and nothing is sent.
 */
export function parseRolloutInput(text: string): RolloutInput {
  const problems: RolloutProblemLine[] = [];
  const issues: string[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const shaped = shapeProblem(raw);
    if (typeof shaped === 'string') issues.push(`line ${index + 1}: ${shaped}`);
    else problems.push(shaped);
  });
  if (issues.length === 0 && problems.length === 0) issues.push('no problems in the file');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, problems };
}

function shapeProblem(raw: string): RolloutProblemLine | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  const truth = record['ground_truth'] ?? record['answer'];
  if (!isTruth(truth)) return 'needs a ground truth (answer or ground_truth: a string or a list of strings)';
  const forms = PROMPT_FIELDS.filter((field) => record[field] !== undefined);
  if (forms.length !== 1) return 'needs exactly one of problem, prompt or messages';
  const form = forms[0]!;
  const id = record['custom_id'] ?? record['id'];
  return {
    ...(typeof id === 'string' || typeof id === 'number' ? { custom_id: String(id) } : {}),
    [form]: record[form],
    ground_truth: truth,
  };
}

function isTruth(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}
