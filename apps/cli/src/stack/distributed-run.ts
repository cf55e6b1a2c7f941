import { computeMetrics, loadQwen3Tokenizer, renderUserPrompt } from '@threadloom/threading';
import { DistributedRunError } from './distributed-run.error.js';
import { startQueueStack } from './queue-stack.js';
import { runMetrics, type RunReport } from './run-report.js';

/** Where `threadloom run --distributed` runs its temporary stack. */
interface DistributedRunOptions {
  readonly engineUrl?: string;
  /** That engine's `--api-key`, handed to the workers. */
  readonly engineApiKey?: string;
  /** An existing Redis; the stack's keys live under a fresh prefix there. */
  readonly redisUrl?: string;
  /** With `redisUrl`: seeds of the Redis Cluster it belongs to. */
  readonly redisClusterNodes?: readonly string[];
  /** Lanes the request may be placed in (LANES of the workers and the client). */
  readonly lanes?: number;
  readonly timeScale: number;
  /** @defaultValue 2 */
  readonly machines?: number;
  /** @defaultValue 120 000 */
  readonly timeoutMs?: number;
}

/** Runs one problem through Redis, simulated machines and workers (the queue client submits), then stops them all. */
export async function runDistributed(problem: string, options: DistributedRunOptions): Promise<RunReport> {
  const { driver, stop } = await startQueueStack({
    machines: options.machines ?? 2,
    timeScale: options.timeScale,
    ...(options.engineUrl === undefined ? {} : { engineUrl: options.engineUrl }),
    ...(options.engineApiKey === undefined ? {} : { engineApiKey: options.engineApiKey }),
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
    ...(options.redisClusterNodes === undefined ? {} : { redisClusterNodes: options.redisClusterNodes }),
    ...(options.lanes === undefined ? {} : { lanes: options.lanes }),
  });
  try {
    const started = performance.now();
    const submitted = await driver.submit({ prompt: renderUserPrompt(problem) });
    const view = await driver.waitForResult(submitted.id, options.timeoutMs ?? 120_000);
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
    await stop();
  }
}
