import type { RedisReasoningClient } from '@threadloom/queue';
import { renderUserPrompt } from '@threadloom/threading';
import { ScaleBenchError } from './scale-bench.error.js';

const WAIT_MS = 120_000;

/** Submits one request for `problem` (parallel mode) and returns its id (its lane is part of it). */
export async function submitProblem(client: RedisReasoningClient, problem: string): Promise<string> {
  const view = await client.submit({
    prompt: renderUserPrompt(problem),
    parameters: { mode: 'parallel', maxTokens: 40_000, onThreadFailure: 'fail' },
  });
  return view.id;
}

/** Waits until every request is terminal; throws unless each completed. One read per finished request (waited in order). */
export async function awaitCompleted(client: RedisReasoningClient, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const view = await client.waitForResult(id, { timeoutMs: WAIT_MS });
    if (view.status !== 'completed')
      throw new ScaleBenchError(`request ${id} ended ${view.status}: ${view.error ?? ''}`);
  }
}

/**
 * `total` requests in waves of `wave` submitted at once, each wave awaited before the next: the producer
 * costs one submit and about one result read per request, so the commands counted are the runtime's.
 */
export async function runWaves(
  client: RedisReasoningClient,
  problem: string,
  total: number,
  wave: number,
): Promise<string[]> {
  const done: string[] = [];
  while (done.length < total) {
    const size = Math.min(wave, total - done.length);
    const ids = await Promise.all(Array.from({ length: size }, () => submitProblem(client, problem)));
    await awaitCompleted(client, ids);
    done.push(...ids);
  }
  return done;
}
