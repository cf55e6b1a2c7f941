import { grade } from '@threadloom/rewards';

/** A request as `GET /v1/reasoning/:id` presents it (the fields the CLI reads). */
export interface RemoteRequestView {
  readonly id: string;
  readonly status: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly batch_id?: string;
  readonly error?: string;
  readonly result?: {
    readonly answer?: string | null;
    readonly metrics?: Readonly<Record<string, unknown>>;
  };
}

/** One line of a batch's results (the shape of `GET /v1/batches/:id/results`), plus its input line number. */
export interface ResultLine {
  readonly id: string;
  readonly custom_id: string;
  readonly status: string;
  readonly response: { readonly status_code: number; readonly body: RemoteRequestView } | null;
  readonly error: { readonly message: string } | null;
  readonly ground_truth?: string | readonly string[];
  readonly correct?: boolean | null;
  readonly line?: number;
}

/** The results line of a finished request, graded like the API grades (`@threadloom/rewards`). */
export function resultLineOf(
  view: RemoteRequestView | undefined,
  item: { readonly requestId: string; readonly customId: string; readonly groundTruth?: string | readonly string[] },
): ResultLine {
  const status = view?.status ?? 'expired';
  const error =
    view === undefined ? { message: 'request record expired' } : view.error ? { message: view.error } : null;
  const line = {
    id: item.requestId,
    custom_id: item.customId,
    status,
    response: view === undefined ? null : { status_code: 200, body: view },
    error,
  };
  if (item.groundTruth === undefined) return line;
  const correct = status === 'completed' ? grade(view?.result?.answer ?? undefined, item.groundTruth).correct : null;
  return { ...line, ground_truth: item.groundTruth, correct };
}

/** The API's token speedup of a completed line (generated ÷ critical-path tokens). */
export function tokenSpeedupOf(line: ResultLine): number | undefined {
  const metrics = line.status === 'completed' ? line.response?.body.result?.metrics : undefined;
  return tokenSpeedupOfMetrics(metrics);
}

/** `tokenSpeedup` of a result's metrics, or generated ÷ critical-path tokens where only those are given. */
export function tokenSpeedupOfMetrics(metrics: Readonly<Record<string, unknown>> | undefined): number | undefined {
  const speedup = metrics?.['tokenSpeedup'];
  if (typeof speedup === 'number') return speedup;
  const generated = metrics?.['completionTokens'] ?? metrics?.['totalTokens'];
  const critical = metrics?.['criticalPathTokens'];
  return typeof generated === 'number' && typeof critical === 'number' && critical > 0
    ? generated / critical
    : undefined;
}

/** Why a line did not complete, for the summary: its status and the error's leading clause. */
export function failureReasonOf(line: ResultLine): string | undefined {
  if (line.status === 'completed') return undefined;
  const message = line.error?.message;
  const clause = message === undefined ? '' : (message.split(/[:\n]/)[0] ?? '').trim().slice(0, 40);
  return clause === '' ? line.status : `${line.status}: ${clause}`;
}
