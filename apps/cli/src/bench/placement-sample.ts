import type { ReasoningDriver } from '../stack/reasoning-driver.js';
import { timedRequest, type TimedRequest } from './orchestration-probes.js';
import { mean } from './orchestration-stats.js';

/** One problem run parallel then sequential on one stack, and what its threads saw. */
export interface PlacementSample {
  /** Wall clock of the sequential request ÷ the parallel one. */
  readonly realized: number;
  /** Critical-path token speedup of the parallel request (engine token counts). */
  readonly ideal: number;
  /** Σ engine-reported prompt and cached tokens over the parallel request's thread calls. */
  readonly threadPromptTokens: number;
  readonly threadCachedTokens: number;
  /** Smallest and largest thread prompt (the context at a fork), engine-reported. */
  readonly forkTokens: readonly [number, number];
  readonly queueWaitMs: number;
  readonly timeToFirstTokenMs: number;
  /** Why each thread ran where it ran (`thread_started` events' `placement.because`; `unplaced` without). */
  readonly because: Readonly<Record<string, number>>;
}

/** Runs `problem` in parallel, then sequentially, on the same stack. */
export async function samplePlacement(client: ReasoningDriver, problem: string): Promise<PlacementSample> {
  const parallel = await timedRequest(client, problem, 'parallel');
  const sequential = await timedRequest(client, problem, 'sequential');
  const threads = parallel.result.blocks.flatMap((block) => block.threads);
  const prompts = threads.map((thread) => thread.promptTokens);
  return {
    realized: sequential.wallMs / parallel.wallMs,
    ideal: parallel.result.metrics.tokenSpeedup,
    threadPromptTokens: prompts.reduce((sum, tokens) => sum + tokens, 0),
    threadCachedTokens: threads.reduce((sum, thread) => sum + thread.cachedTokens, 0),
    forkTokens: [Math.min(...prompts), Math.max(...prompts)],
    queueWaitMs: mean(threads.map((thread) => thread.queueWaitMs)),
    timeToFirstTokenMs: mean(threads.map((thread) => thread.timeToFirstTokenMs)),
    because: placementReasons(parallel),
  };
}

function placementReasons(request: TimedRequest): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of request.events) {
    if (event.type !== 'thread_started') continue;
    const placement = event.data['placement'] as { because?: unknown } | undefined;
    const because = typeof placement?.because === 'string' ? placement.because : 'unplaced';
    counts[because] = (counts[because] ?? 0) + 1;
  }
  return counts;
}
