import { tokenSpeedupOfMetrics, type RemoteRequestView } from './result-line.js';

/** A batch as `GET /v1/batches/:id` presents it (the fields the CLI reads). */
export interface RemoteBatchView {
  readonly id: string;
  readonly status: string;
  readonly request_counts: Readonly<Record<string, number>> & { readonly total: number };
  readonly metrics: {
    readonly accuracy: number | null;
    readonly graded: number;
    readonly correct: number;
    readonly mean_token_speedup: number | null;
    readonly wall_clock_ms: number;
  };
}

/** Batch ids start with `batch_`; anything else is a request id. */
export const isBatchId = (id: string): boolean => id.startsWith('batch_');

/** The API path of a batch or request. */
export const pathOf = (id: string): string =>
  isBatchId(id) ? `/v1/batches/${encodeURIComponent(id)}` : `/v1/reasoning/${encodeURIComponent(id)}`;

/** A few human lines about a batch. */
export function describeBatch(view: RemoteBatchView): string {
  const { total, ...counts } = view.request_counts;
  const parts = Object.entries(counts).map(([status, n]) => `${n} ${status}`);
  const { accuracy, correct, graded, mean_token_speedup: speedup, wall_clock_ms: wallClock } = view.metrics;
  const figures = [
    `accuracy ${accuracy === null ? 'n/a' : `${(accuracy * 100).toFixed(1)}% (${correct}/${graded})`}`,
    `mean token speedup ${speedup === null ? 'n/a' : `${speedup.toFixed(2)}×`}`,
    `wall clock ${(wallClock / 1000).toFixed(1)} s`,
  ];
  return [
    `batch ${view.id}: ${view.status}`,
    `  ${total} requests: ${parts.join(', ')}`,
    `  ${figures.join(' · ')}`,
  ].join('\n');
}

/** A few human lines about a request. */
export function describeRequest(view: RemoteRequestView): string {
  const head = `request ${view.id}: ${view.status}${view.batch_id === undefined ? '' : ` (batch ${view.batch_id})`}`;
  const metrics = view.result?.metrics;
  const lines = [head];
  if (view.error !== undefined) lines.push(`  error: ${view.error}`);
  if (view.result !== undefined) {
    const speedup = tokenSpeedupOfMetrics(metrics);
    lines.push(
      `  answer ${view.result.answer ?? 'none'} · ${String(metrics?.['completionTokens'])} generated tokens, ` +
        `critical path ${String(metrics?.['criticalPathTokens'])}` +
        (speedup === undefined ? '' : ` (${speedup.toFixed(2)}×)`),
    );
  }
  return lines.join('\n');
}
