import type { ReasoningResult } from '@threadloom/contracts';
import { renderUserPrompt } from '@threadloom/threading';
import type { DriverEvent, DriverView, ReasoningDriver } from '../stack/reasoning-driver.js';
import { OrchestrationBenchError } from './orchestration-bench.error.js';

/** One finished request as the benchmark sees it: its result, events and client-observed wall time. */
export interface TimedRequest {
  readonly id: string;
  readonly result: ReasoningResult;
  readonly events: readonly DriverEvent[];
  readonly wallMs: number;
}

/** Submits one problem and follows it to the end; `onEvent` sees every event as it arrives. */
export async function timedRequest(
  client: ReasoningDriver,
  problem: string,
  mode: 'parallel' | 'sequential',
  onEvent?: (id: string, event: DriverEvent) => void,
): Promise<TimedRequest> {
  const started = performance.now();
  const submitted = await client.submit({ prompt: renderUserPrompt(problem), mode });
  const events = await client.events(submitted.id, (event) => onEvent?.(submitted.id, event));
  const view = await client.get(submitted.id);
  return { id: submitted.id, result: completed(view), events, wallMs: performance.now() - started };
}

/** Milliseconds from the first fork to the first join of a request (one block): the fork→join cycle; undefined without both events. */
export function forkJoinMs(request: TimedRequest): number | undefined {
  const fork = request.events.find((event) => event.type === 'fork');
  const join = request.events.find((event) => event.type === 'join');
  return fork === undefined || join === undefined ? undefined : join.at - fork.at;
}

/** Milliseconds from the earliest fork to the latest join over many requests: the window their threads ran in. */
export function forkToLastJoinMs(requests: readonly TimedRequest[]): number {
  const times = (type: string): number[] =>
    requests.flatMap((request) => request.events.filter((event) => event.type === type).map((event) => event.at));
  return Math.max(...times('join')) - Math.min(...times('fork'));
}

/** Threads decoded by a request (every spawned thread of every block). */
export function threadCount(result: ReasoningResult): number {
  return result.blocks.reduce((sum, block) => sum + block.threads.length, 0);
}

/** Closed-loop background load: `streams` sequential requests kept in flight until `stop()`. */
export function startBackgroundLoad(
  client: ReasoningDriver,
  problems: readonly string[],
  streams: number,
): { stop(): Promise<void> } {
  let stopped = false;
  const loop = async (offset: number): Promise<void> => {
    for (let index = offset; !stopped; index += streams) {
      await timedRequest(client, problems[index % problems.length]!, 'sequential').catch(() => undefined);
    }
  };
  const running = Array.from({ length: streams }, (_, offset) => loop(offset));
  return {
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

function completed(view: DriverView): ReasoningResult {
  if (view.status !== 'completed' || view.result === undefined)
    throw new OrchestrationBenchError(view.id, `${view.status}: ${view.error ?? ''}`);
  return view.result;
}
