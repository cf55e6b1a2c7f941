import type { RequestView } from '@threadloom/contracts';
import { presentRequest } from '../reasoning/request-view.presenter.js';
import type { BatchSummary } from './batch-aggregate.js';
import type { BatchItem, BatchRecord } from './batch-record.js';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The wire form of a batch (OpenAI Batch API names where they fit). */
export function presentBatch(record: BatchRecord, summary: BatchSummary) {
  const self = `/v1/batches/${record.id}`;
  const { total, completed, failed, ...others } = summary.counts;
  return {
    id: record.id,
    object: 'batch' as const,
    status: summary.status,
    created_at: iso(record.createdAt),
    completed_at: iso(summary.completedAt),
    cancelled_at: iso(record.cancelledAt),
    request_counts: { total, completed, failed, ...others },
    metrics: {
      accuracy: summary.metrics.accuracy,
      graded: summary.metrics.graded,
      correct: summary.metrics.correct,
      mean_token_speedup: summary.metrics.meanTokenSpeedup,
      prompt_tokens: summary.metrics.promptTokens,
      completion_tokens: summary.metrics.completionTokens,
      cached_tokens: summary.metrics.cachedTokens,
      critical_path_tokens: summary.metrics.criticalPathTokens,
      wall_clock_ms: summary.metrics.wallClockMs,
    },
    links: { self, results: `${self}/results`, cancel: `${self}/cancel` },
  };
}

/** One line of the results JSONL. */
export function presentResultLine(item: BatchItem, view: RequestView | undefined, correct: boolean | null): string {
  const line = {
    id: item.requestId,
    custom_id: item.customId,
    status: view?.status ?? 'expired',
    response: view ? { status_code: 200, body: presentRequest(view) } : null,
    error:
      view === undefined
        ? { message: 'request record expired' }
        : view.error !== undefined
          ? { message: view.error }
          : null,
    ...(item.groundTruth !== undefined && { ground_truth: item.groundTruth, correct }),
  };
  return `${JSON.stringify(line)}\n`;
}
