import { randomUUID } from 'node:crypto';
import { computeMetrics, loadQwen3Tokenizer } from '@threadloom/threading';
import { startApiStack } from './api-stack.js';
import { renderQwen3Prompt } from './chat-prompt.js';
import { DistributedRunError } from './distributed-run.error.js';
import { runMetrics, type RunReport } from './run-report.js';

/** Where `threadloom run --distributed` runs its temporary stack. */
export interface DistributedRunOptions {
  readonly engineUrl?: string;
  /** An existing Redis; the stack's keys live under a fresh prefix there. */
  readonly redisUrl?: string;
  readonly timeScale: number;
  /** @defaultValue 2 */
  readonly machines?: number;
  /** @defaultValue 120 000 */
  readonly timeoutMs?: number;
}

/** Runs one problem through the API, Redis, simulated machines and workers, then stops them all. */
export async function runDistributed(problem: string, options: DistributedRunOptions): Promise<RunReport> {
  const { stack, client } = await startApiStack({
    machines: options.machines ?? 2, timeScale: options.timeScale, keyPrefix: `{threadloom-run-${randomUUID().slice(0, 8)}}`,
    ...(options.engineUrl === undefined ? {} : { engineUrl: options.engineUrl }),
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
  });
  try {
    const started = performance.now();
    const submitted = await client.submit({ prompt: renderQwen3Prompt(problem) });
    const view = await client.waitForResult(submitted.id, options.timeoutMs ?? 120_000);
    const wallClockMs = performance.now() - started;
    if (view.status !== 'completed' || view.result === undefined) {
      throw new DistributedRunError(view.id, view.status, view.error);
    }
    const metrics = computeMetrics(view.result.text, { tokenizer: await loadQwen3Tokenizer() });
    return {
      text: view.result.text,
      requests: view.result.engineRequests,
      metrics: runMetrics(metrics, view.result.termination, wallClockMs),
    };
  } finally {
    await stack.stop();
  }
}
