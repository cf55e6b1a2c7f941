import { isTerminalStatus } from '@threadloom/contracts';
import type { SettledRequest, StoredThread } from '@threadloom/queue';
import type { WorkerMetrics } from './worker-metrics.js';

/** Records a settled request: outcome, end-to-end time, and for completed ones speedup and critical path. */
export function observeSettled(metrics: WorkerMetrics, settled: SettledRequest): void {
  const outcome = settled.status;
  if (!isTerminalStatus(outcome)) return;
  metrics.requests.inc({ outcome });
  if (settled.createdAt === undefined) return;
  const wallMs = settled.finishedAt - settled.createdAt;
  metrics.requestDuration.observe({ outcome }, wallMs / 1000);
  if (outcome !== 'completed') return;
  metrics.criticalPathTokens.observe(settled.result.metrics.criticalPathTokens);
  if (wallMs > 0) metrics.realizedSpeedup.observe((wallMs + parallelSavingMs(settled.threads)) / wallMs);
}

/**
 * Engine time saved by running each block's threads side by side: per block, the sum of its threads'
 * engine time (first token + decode) minus the longest one. Added to the actual wall clock it gives the
 * time the request would have taken with its threads one after another.
 */
function parallelSavingMs(threads: Readonly<Record<string, StoredThread>>): number {
  const blocks = new Map<string, number[]>();
  for (const [field, thread] of Object.entries(threads)) {
    if (thread.status !== 'completed') continue;
    const block = field.slice(0, field.indexOf('t'));
    const times = blocks.get(block) ?? [];
    times.push(thread.timeToFirstTokenMs + thread.decodeMs);
    blocks.set(block, times);
  }
  let saved = 0;
  for (const times of blocks.values()) saved += times.reduce((sum, time) => sum + time, 0) - Math.max(...times);
  return saved;
}
