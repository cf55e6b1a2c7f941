import { tokenSpeedupOfMetrics, type RemoteRequestView } from './result-line.js';
import type { RemoteRolloutView } from './rollout-run.js';

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

/** Rollout job ids (`threadloom rollouts`, `POST /v1/rollouts`) start with `rollout_`. */
export const isRolloutId = (id: string): boolean => id.startsWith('rollout_');

/** Ids whose results are JSON lines (a batch's, a rollout job's) rather than one view. */
export const isJobId = (id: string): boolean => isBatchId(id) || isRolloutId(id);

/** The API path of a batch, a rollout job or a request. */
export const pathOf = (id: string): string =>
  isBatchId(id)
    ? `/v1/batches/${encodeURIComponent(id)}`
    : isRolloutId(id)
      ? `/v1/rollouts/${encodeURIComponent(id)}`
      : `/v1/reasoning/${encodeURIComponent(id)}`;

/** A few human lines about a rollout job. */
export function describeRollout(view: RemoteRolloutView): string {
  const { total, ...counts } = view.rollout_counts;
  const parts = Object.entries(counts).map(([status, n]) => `${n} ${status}`);
  const { accuracy, correct, scored, mean_reward: reward } = view.metrics;
  const figures = [
    `accuracy ${accuracy === null ? 'n/a' : `${(accuracy * 100).toFixed(1)}% (${correct}/${scored})`}`,
    `mean reward ${reward === null ? 'n/a' : reward.toFixed(3)}`,
  ];
  return [
    `rollout ${view.id}: ${view.status}`,
    `  ${view.group_counts.scored}/${view.group_counts.total} groups scored, k=${view.k}; ${String(total)} rollouts: ${parts.join(', ')}`,
    `  ${figures.join(' · ')}`,
  ].join('\n');
}

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
