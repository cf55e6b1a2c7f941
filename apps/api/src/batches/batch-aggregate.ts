import { REQUEST_STATUSES, type RequestStatus, type RequestView } from '@threadloom/contracts';
import type { BatchItem, BatchRecord } from './batch-record.js';

/** Decides whether an answer matches the ground truth. */
export type Grader = (answer: string | undefined, truth: string | readonly string[]) => boolean;

/** Lifecycle of a batch, derived from its requests. */
type BatchStatus = 'in_progress' | 'completed' | 'cancelling' | 'cancelled';

/** Counts and aggregate metrics of a batch. */
export interface BatchSummary {
  readonly status: BatchStatus;
  readonly counts: Record<RequestStatus, number> & { total: number };
  readonly metrics: {
    readonly accuracy: number | null;
    readonly graded: number;
    readonly correct: number;
    readonly meanTokenSpeedup: number | null;
    readonly promptTokens: number;
    readonly completionTokens: number;
    readonly cachedTokens: number;
    readonly criticalPathTokens: number;
    readonly wallClockMs: number;
  };
  readonly completedAt: number | null;
}

/** Whether one item's answer is correct; `null` when not gradable (no ground truth or not completed). */
export function gradeItem(item: BatchItem, view: RequestView | undefined, grader: Grader): boolean | null {
  if (item.groundTruth === undefined || view?.status !== 'completed') return null;
  return grader(view.result?.answer ?? undefined, item.groundTruth);
}

/** Summarises a batch from the current views of its requests (missing views count as expired). */
export function summarizeBatch(
  record: BatchRecord,
  views: readonly (RequestView | undefined)[],
  grader: Grader,
  now: number,
): BatchSummary {
  const counts = {
    total: record.items.length,
    ...Object.fromEntries(REQUEST_STATUSES.map((status) => [status, 0])),
  } as BatchSummary['counts'];
  let graded = 0,
    correct = 0,
    lastUpdate = record.createdAt;
  const tokens = { promptTokens: 0, completionTokens: 0, cachedTokens: 0, criticalPathTokens: 0 };
  const speedups: number[] = [];
  record.items.forEach((item, index) => {
    const view = views[index];
    counts[view?.status ?? 'expired'] += 1;
    if (view) lastUpdate = Math.max(lastUpdate, view.updatedAt);
    const verdict = gradeItem(item, view, grader);
    if (verdict !== null) {
      graded += 1;
      if (verdict) correct += 1;
    }
    const metrics = view?.status === 'completed' ? view.result?.metrics : undefined;
    if (!metrics) return;
    tokens.promptTokens += metrics.promptTokens;
    tokens.completionTokens += metrics.completionTokens;
    tokens.cachedTokens += metrics.cachedTokens;
    tokens.criticalPathTokens += metrics.criticalPathTokens;
    if (metrics.criticalPathTokens > 0) speedups.push(metrics.tokenSpeedup);
  });
  const done = counts.queued + counts.running === 0;
  const status: BatchStatus =
    record.cancelledAt !== undefined ? (done ? 'cancelled' : 'cancelling') : done ? 'completed' : 'in_progress';
  return {
    status,
    counts,
    metrics: {
      accuracy: graded === 0 ? null : correct / graded,
      graded,
      correct,
      meanTokenSpeedup:
        speedups.length === 0 ? null : speedups.reduce((sum, value) => sum + value, 0) / speedups.length,
      ...tokens,
      wallClockMs: (done ? lastUpdate : now) - record.createdAt,
    },
    completedAt: done ? lastUpdate : null,
  };
}
