import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { renderUserPrompt } from '@threadloom/threading';
import type { ReasoningDriver } from '../stack/reasoning-driver.js';
import { startQueueStack } from '../stack/queue-stack.js';
import { readCorpusProblems, sampleProblems, type CorpusProblem } from '../stack/corpus-sample.js';
import type { BenchOutput } from './bench-suite.js';
import { requestFootprint, utf8Bytes } from './orchestration-footprint.js';
import type { Fleet } from './orchestration-overhead.js';
import { startBackgroundLoad, threadCount, timedRequest, type TimedRequest } from './orchestration-probes.js';
import { mean } from './orchestration-stats.js';

/** How the speedup measurement runs: problems per load level, simulator time scale and sequences per step. */
export interface SpeedupSizes {
  readonly problems: number;
  readonly timeScale: number;
  readonly maxRunning: number;
}

interface Pair {
  readonly realized: number;
  readonly ideal: number;
  /** Mean over the parallel request's threads: BullMQ wait (enqueue → job start) and engine time to first token (waiting for a sequence slot + prefill). */
  readonly threadQueueMs: number;
  readonly threadTtftMs: number;
}

interface Footprint {
  readonly inFlight: number;
  readonly trajectory: number;
  readonly copied: number;
}

const PREFIX = '{threadloom-bench-speedup}';
const LOADS = [0, 0.5, 0.9] as const;

/**
 * Benchmark 3 and 4: wall-clock speedup of parallel over `mode: sequential` on the same simulated
 * machines, over the critical-path token speedup, at no background load and with closed-loop
 * sequential streams filling 50% and 90% of the fleet's running sequences; and the Redis bytes of
 * a request while its threads are in flight.
 */
export async function benchSpeedup(
  output: BenchOutput,
  redisUrl: string,
  sizes: SpeedupSizes,
  fleet: Fleet,
): Promise<void> {
  const corpus = readCorpusProblems();
  const parallel = longest(
    corpus.filter((entry) => hasParallelAnswer(entry)),
    sizes.problems,
  );
  const capacity = fleet.machines * sizes.maxRunning;
  output.line(
    `3. realized speedup ÷ critical-path token speedup (${parallel.length} corpus problems with blocks, time scale ${sizes.timeScale}, fleet ${capacity} running sequences)`,
  );
  output.line(`  ${'load'.padEnd(34)} ${'realized'.padStart(14)} ${'ideal'.padStart(14)} ${'ratio'.padStart(8)}`);
  const footprints: Footprint[] = [];
  const levels = { redisUrl, sizes, fleet, background: corpus.map((entry) => entry.problem), problems: parallel };
  await measureLevels(output, { ...levels, loads: LOADS, placeByEngineLoad: true, footprints });
  // Side by side: the loaded levels again with jobs placed wherever they land (no engine-load placement).
  await measureLevels(output, { ...levels, loads: LOADS.filter((load) => load > 0), placeByEngineLoad: false });
  reportFootprint(output, footprints);
}

interface Levels {
  readonly redisUrl: string;
  readonly sizes: SpeedupSizes;
  readonly fleet: Fleet;
  readonly background: readonly string[];
  readonly problems: readonly CorpusProblem[];
  readonly loads: readonly number[];
  readonly placeByEngineLoad: boolean;
  /** Collects Redis footprints at the first (unloaded) level when given. */
  readonly footprints?: Footprint[];
}

/** One stack; per load level, the realized ÷ ideal speedup row and where the threads waited. */
async function measureLevels(output: BenchOutput, levels: Levels): Promise<void> {
  const { fleet, sizes } = levels;
  const { driver: client, stop } = await startQueueStack({
    machines: fleet.machines,
    timeScale: sizes.timeScale,
    redisUrl: levels.redisUrl,
    keyPrefix: PREFIX,
    concurrency: fleet.concurrency,
    maxRunning: sizes.maxRunning,
    placeByEngineLoad: levels.placeByEngineLoad,
  });
  const redis = new Redis(levels.redisUrl);
  try {
    const capacity = fleet.machines * sizes.maxRunning;
    for (const load of levels.loads) {
      const streams = Math.round(load * capacity);
      const measure =
        load === 0 && levels.footprints !== undefined ? { redis, footprints: levels.footprints } : undefined;
      const pairs = await atLoad(client, levels.background, levels.problems, streams, measure);
      const placement = levels.placeByEngineLoad ? '' : ', no placement';
      const label =
        load === 0 ? 'low (one request at a time)' : `${Math.round(load * 100)}% (${streams} streams${placement})`;
      const ratio = mean(pairs.map((pair) => pair.realized / pair.ideal));
      output.line(
        `  ${label.padEnd(34)} ${`${mean(pairs.map((p) => p.realized)).toFixed(2)}×`.padStart(14)} ${`${mean(pairs.map((p) => p.ideal)).toFixed(2)}×`.padStart(14)} ${`${ratio.toFixed(2)}`.padStart(8)}   target ${load === 0 ? '≥ 0.95' : 'report'}`,
      );
      // Where a slow parallel request waited: in the job queue (scheduler) or for an engine slot (admission).
      output.line(
        `  ${''.padEnd(34)} threads waited ${mean(pairs.map((p) => p.threadQueueMs)).toFixed(0)} ms in the queue, ${mean(pairs.map((p) => p.threadTtftMs)).toFixed(0)} ms to first token`,
      );
    }
  } finally {
    redis.disconnect();
    await stop();
  }
}

async function atLoad(
  client: ReasoningDriver,
  background: readonly string[],
  problems: readonly CorpusProblem[],
  streams: number,
  measure: { redis: Redis; footprints: Footprint[] } | undefined,
): Promise<Pair[]> {
  const load = startBackgroundLoad(client, background, streams);
  if (streams > 0) await sleep(1_000);
  try {
    const pairs: Pair[] = [];
    for (const problem of problems) {
      let inFlight: Promise<number> | undefined;
      const parallel = await timedRequest(client, problem.problem, 'parallel', (id, event) => {
        if (event.type === 'fork' && inFlight === undefined && measure !== undefined)
          inFlight = requestFootprint(measure.redis, PREFIX, id);
      });
      const sequential = await timedRequest(client, problem.problem, 'sequential');
      const threads = parallel.result.blocks.flatMap((block) => block.threads);
      pairs.push({
        realized: sequential.wallMs / parallel.wallMs,
        ideal: parallel.result.metrics.tokenSpeedup,
        threadQueueMs: mean(threads.map((thread) => thread.queueWaitMs)),
        threadTtftMs: mean(threads.map((thread) => thread.timeToFirstTokenMs)),
      });
      if (measure !== undefined && inFlight !== undefined)
        measure.footprints.push(footprintOf(problem, parallel, await inFlight));
    }
    return pairs;
  } finally {
    await load.stop();
  }
}

function footprintOf(problem: CorpusProblem, request: TimedRequest, inFlight: number): Footprint {
  const prompt = renderUserPrompt(problem.problem);
  const firstPlan = request.result.text.indexOf('</Outlines>');
  const threads = request.result.blocks[0]?.threads.length ?? threadCount(request.result);
  return {
    inFlight,
    trajectory: utf8Bytes(prompt + request.result.text),
    // What a design copying the context into every thread job would hold at the first fork.
    copied: threads * utf8Bytes(prompt + request.result.text.slice(0, Math.max(0, firstPlan))),
  };
}

function reportFootprint(output: BenchOutput, footprints: readonly Footprint[]): void {
  const inFlight = mean(footprints.map((f) => f.inFlight));
  const trajectory = mean(footprints.map((f) => f.trajectory));
  const copied = mean(footprints.map((f) => f.copied));
  output.line(
    `4. Redis bytes per request while its first block's threads are in flight (${footprints.length} requests, MEMORY USAGE of every key of the request)`,
  );
  output.line(`  ${'in flight'.padEnd(34)} ${`${inFlight.toFixed(0)} B`.padStart(14)}`);
  output.line(
    `  ${'trajectory (prompt + response)'.padEnd(34)} ${`${trajectory.toFixed(0)} B`.padStart(14)} ${`${(inFlight / trajectory).toFixed(2)}× trajectory`.padStart(24)}`,
  );
  output.line(
    `  ${'context copied into each thread'.padEnd(34)} ${`${copied.toFixed(0)} B`.padStart(14)} ${'(not stored: jobs carry ids)'.padStart(24)}`,
  );
}

function hasParallelAnswer(entry: CorpusProblem): boolean {
  return entry.trajectory.includes('<Parallel>');
}

function longest(entries: readonly CorpusProblem[], count: number): CorpusProblem[] {
  return sampleProblems(
    [...entries].sort((a, b) => b.trajectory.length - a.trajectory.length).slice(0, count * 2),
    count,
  );
}
