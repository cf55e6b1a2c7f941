import { createHash } from 'node:crypto';

/** A line of the submitted file, turned into one line of `POST /v1/batches`. */
export interface PreparedLine {
  /** 1-based line number in the file. */
  readonly lineNumber: number;
  readonly customId: string;
  /** The batch line as sent: `{ custom_id, method?, url?, body, ground_truth? }`. */
  readonly batchLine: Readonly<Record<string, unknown>>;
  /** SHA-256 of the line number and the batch line: the line's identity across runs. */
  readonly digest: string;
}

/** A line that cannot be sent, with the reason. */
export interface MalformedLine {
  readonly lineNumber: number;
  readonly reason: string;
}

/** How every line is shaped before it is sent. */
interface InputOptions {
  readonly mode?: 'parallel' | 'sequential';
  /** Field of each line that holds the reference answer (default: the batch line's `ground_truth`). */
  readonly groundTruthField?: string;
}

export interface ParsedInput {
  readonly lines: readonly PreparedLine[];
  readonly malformed: readonly MalformedLine[];
}

type Shaped = { ok: true; line: Record<string, unknown> } | { ok: false; reason: string };

const BATCH_LINE_FIELDS = ['method', 'url'] as const;

/**
 * Reads a JSONL file of problems. A line is either a batch line (`{ custom_id?, body, ground_truth? }`,
 * OpenAI Batch API shape) or a problem record (`{ id?, problem | prompt | messages, … }`). Blank
 * lines are skipped; every other line that cannot be sent is reported with its number.
 */
export function parseInputLines(text: string, options: InputOptions = {}): ParsedInput {
  const lines: PreparedLine[] = [];
  const malformed: MalformedLine[] = [];
  const firstLineOf = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === '') return;
    const shaped = shapeLine(raw, lineNumber, options);
    if (!shaped.ok) {
      malformed.push({ lineNumber, reason: shaped.reason });
      return;
    }
    const customId = shaped.line['custom_id'] as string;
    const first = firstLineOf.get(customId);
    if (first !== undefined) {
      malformed.push({ lineNumber, reason: `duplicate custom_id '${customId}' (first on line ${first})` });
      return;
    }
    firstLineOf.set(customId, lineNumber);
    const digest = createHash('sha256')
      .update(`${lineNumber}\n${JSON.stringify(shaped.line)}`)
      .digest('hex');
    lines.push({ lineNumber, customId, batchLine: shaped.line, digest });
  });
  return { lines, malformed };
}

function shapeLine(raw: string, lineNumber: number, options: InputOptions): Shaped {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const body = 'body' in record ? record['body'] : problemBody(record);
  if (typeof body === 'string') return { ok: false, reason: body };
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, reason: '`body` must be a JSON object' };
  const customId = idOf(record) ?? `line-${lineNumber}`;
  const truth = groundTruthOf(record, options.groundTruthField);
  if (truth === null) return { ok: false, reason: `\`${options.groundTruthField}\` must be a string, number or list` };
  const line: Record<string, unknown> = { custom_id: customId };
  for (const field of BATCH_LINE_FIELDS) if (record[field] !== undefined) line[field] = record[field];
  line['body'] = options.mode === undefined ? body : { ...body, mode: options.mode };
  if (truth !== undefined) line['ground_truth'] = truth;
  return { ok: true, line };
}

/** A request body from a problem record, or the reason there is none. */
function problemBody(record: Record<string, unknown>): Record<string, unknown> | string {
  const { problem, prompt, messages } = record;
  if (typeof problem === 'string') return { messages: [{ role: 'user', content: problem }] };
  if (typeof prompt === 'string') return { prompt };
  if (Array.isArray(messages)) return { messages };
  return 'needs `body`, `problem`, `prompt` or `messages`';
}

function idOf(record: Record<string, unknown>): string | undefined {
  const id = record['custom_id'] ?? record['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** The reference answer: undefined when absent, null when present but unusable. */
function groundTruthOf(record: Record<string, unknown>, field = 'ground_truth'): string | string[] | undefined | null {
  const value = record[field];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value;
  return null;
}
