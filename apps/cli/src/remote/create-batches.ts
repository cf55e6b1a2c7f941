import { ApiCallError } from './api-call.error.js';
import type { PreparedLine } from './input-lines.js';
import type { RemoteApi } from './remote-api.js';
import { retryWhileBusy, type BusyListener } from './retry-busy.js';
import type { StateStore } from './state-store.js';
import { batchKey, withoutLines, type PlannedBatch } from './submit-plan.js';
import type { RejectedLine } from './submit-state.js';

/** What batch creation needs. */
interface CreateContext {
  readonly api: RemoteApi;
  readonly store: StateStore;
  readonly linesByDigest: ReadonlyMap<string, PreparedLine>;
  readonly onWait: BusyListener;
  readonly onRejected: (line: RejectedLine) => void;
  readonly signal: AbortSignal;
}

/** The API's answer to `POST /v1/batches` (the fields the CLI reads). */
interface CreatedBatch {
  readonly id: string;
}

const INDEXED_FIELD = /^\[(\d+)\]/;
/** The limit in the API's 413 message (`The request body exceeds 3000 bytes.`). */
const BODY_LIMIT = /exceeds (\d+) bytes/;

/**
 * Creates every planned batch that has no id yet, one at a time, with its idempotency key: a batch
 * whose creation answer was lost to a crash is returned again, never created twice. Lines the API
 * rejects are reported and dropped; a batch over the API's size or body limit is split in halves, and
 * a single line over the body limit is rejected like the lines the API refuses at validation.
 */
export async function createPlannedBatches(context: CreateContext): Promise<void> {
  for (;;) {
    const index = context.store.state.batches.findIndex((batch) => batch.id === undefined);
    if (index < 0) return;
    const batch = context.store.state.batches[index]!;
    const replacement = batch.lines.length === 0 ? [] : await createOrRevise(batch, context);
    context.store.update((state) => ({
      ...state,
      batches: [...state.batches.slice(0, index), ...replacement, ...state.batches.slice(index + 1)],
    }));
  }
}

async function createOrRevise(batch: PlannedBatch, context: CreateContext): Promise<PlannedBatch[]> {
  const lines = batch.lines.map((planned) => context.linesByDigest.get(planned.digest));
  if (lines.some((line) => line === undefined))
    throw new Error(
      `the input file changed since batch ${batch.key} was planned and it was never confirmed; ` +
        'restore the file or choose another --out',
    );
  const body = JSON.stringify(lines.map((line) => line!.batchLine));
  try {
    const created = await retryWhileBusy(
      () =>
        context.api.json<CreatedBatch>('POST', '/v1/batches', {
          body,
          contentType: 'application/json',
          idempotencyKey: batch.key,
          signal: context.signal,
        }),
      context.onWait,
      context.signal,
    );
    return [{ ...batch, id: created.id }];
  } catch (error) {
    if (!(error instanceof ApiCallError)) throw error;
    return revise(batch, error, context, Buffer.byteLength(body));
  }
}

function revise(batch: PlannedBatch, error: ApiCallError, context: CreateContext, bytes: number): PlannedBatch[] {
  const { status, code, issues } = error.answer;
  const tooBig = status === 413 || issues.some((issue) => issue.field === 'body' && issue.rule === 'maximum');
  if (tooBig && batch.lines.length > 1) return halves(context.store.state.runId, batch);
  if (tooBig) return reject(batch, new Map([[batch.lines[0]!.n, tooLarge(error, bytes)]]), context);
  if (status !== 400 || code !== 'validation_failed') throw error;
  const rejected = new Map<number, string>();
  for (const issue of issues) {
    const index = INDEXED_FIELD.exec(issue.field)?.[1];
    const planned = index === undefined ? undefined : batch.lines[Number(index)];
    if (planned === undefined) throw error;
    const field = issue.field.replace(INDEXED_FIELD, '').replace(/^\./, '') || 'line';
    const reason = `rejected by the API: ${field}: ${issue.message}`;
    rejected.set(planned.n, rejected.has(planned.n) ? `${rejected.get(planned.n)}; ${reason}` : reason);
  }
  return reject(batch, rejected, context);
}

/** Reports and records the rejected lines (number → reason); returns the batch without them. */
function reject(batch: PlannedBatch, rejected: ReadonlyMap<number, string>, context: CreateContext): PlannedBatch[] {
  const lost = batch.lines.filter((line) => rejected.has(line.n));
  const rejections = lost.map((line) => ({ lineNumber: line.n, digest: line.digest, reason: rejected.get(line.n)! }));
  rejections.forEach(context.onRejected);
  context.store.update((state) => ({ ...state, rejected: [...state.rejected, ...rejections] }));
  return [withoutLines(context.store.state.runId, batch, new Set(rejected.keys()))];
}

/** The reason for a one-line batch the API refuses as too large; the limit is read from its message when it says. */
function tooLarge(error: ApiCallError, bytes: number): string {
  const limit = BODY_LIMIT.exec(error.answer.message)?.[1];
  const said = limit === undefined ? '' : `${limit} bytes; `;
  return `rejected by the API: larger than the API's body limit (${said}this line's batch body is ${bytes} bytes)`;
}

function halves(runId: string, batch: PlannedBatch): PlannedBatch[] {
  const middle = Math.ceil(batch.lines.length / 2);
  return [batch.lines.slice(0, middle), batch.lines.slice(middle)].map((lines) => ({
    key: batchKey(runId, lines),
    lines,
  }));
}
