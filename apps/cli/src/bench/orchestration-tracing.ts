import { setTimeout as sleep } from 'node:timers/promises';
import { startQueueStack, type QueueStack } from '../stack/queue-stack.js';
import type { BenchOutput } from './bench-suite.js';
import { FORK4_PROBLEM, writeFork4Corpus } from './orchestration-corpus.js';
import type { Fleet } from './orchestration-overhead.js';
import { forkJoinMs, timedRequest, type TimedRequest } from './orchestration-probes.js';
import { mean, ms, quantile, ratioRow } from './orchestration-stats.js';
import { pairedDifference } from './paired-difference.js';
import { startOtlpSink } from './otlp-sink.js';
import { childrenCpuMs, cpuByRole } from './process-cpu.js';

/** How many fork→join cycles each side runs (after the warm-up). */
export interface TracingSizes {
  readonly cycles: number;
}

const WARM_UP = 5;

/**
 * Quiet time after each request, so what a request leaves behind lands before the next one starts:
 * traced processes record spans in batches 100 ms after they end (the telemetry library's
 * RECORD_DELAY_MS) and would otherwise do it during the other side's cycle.
 */
const SETTLE_MS = 250;

/**
 * Issue 13's overhead figure: the fork→join cycle of a 4-thread block with every process exporting its
 * spans over OTLP/HTTP (the SDK's default protocol, default batching) to a local endpoint, beside an
 * identical stack with no exporter configured (the SDK is never loaded). Two stacks on one Redis, time
 * scale 0, requests alternated one by one (the side that goes first alternates too) so load drift hits both,
 * each after the previous one's deferred work has run (SETTLE_MS).
 */
export async function benchTracing(
  output: BenchOutput,
  redisUrl: string,
  sizes: TracingSizes,
  fleet: Fleet,
): Promise<void> {
  const corpus = writeFork4Corpus();
  const sink = await startOtlpSink();
  const common = {
    machines: fleet.machines,
    timeScale: 0,
    redisUrl,
    corpus: corpus.path,
    concurrency: fleet.concurrency,
  };
  const stacks: QueueStack[] = [];
  try {
    stacks.push(await startQueueStack({ ...common, keyPrefix: '{threadloom-bench-untraced}' }));
    stacks.push(await startQueueStack({ ...common, keyPrefix: '{threadloom-bench-traced}', otlpEndpoint: sink.url }));
    const [off, on] = stacks as [QueueStack, QueueStack];
    for (let index = 0; index < WARM_UP; index += 1) {
      await timedRequest(off.driver, FORK4_PROBLEM, 'parallel');
      await timedRequest(on.driver, FORK4_PROBLEM, 'parallel');
    }
    const before = sink.counts();
    const cpuBefore = stacks.map((stack) => childrenCpuMs(stack.stack.children));
    const { samples, pairs, slowest } = await measurePairs(output, { on, off }, sizes.cycles);
    report(output, samples, sizes.cycles);
    reportPaired(output, samples, pairs);
    reportSlowest(output, slowest);
    const cpu = stacks.map((stack, index) => cpuByRole(cpuBefore[index]!, childrenCpuMs(stack.stack.children)));
    reportCpu(output, cpu[1]!, cpu[0]!, sizes.cycles);
    // Batches leave every 5 s (OTEL_BSP_SCHEDULE_DELAY); stopping the stack flushes the rest.
    await Promise.all(stacks.splice(0).map((stack) => stack.stop()));
    const after = sink.counts();
    output.line(
      `  exported while measuring and at shutdown: ${after.exports - before.exports} OTLP requests, ${((after.bytes - before.bytes) / 1024).toFixed(0)} KiB`,
    );
  } finally {
    await Promise.all(stacks.map((stack) => stack.stop()));
    await sink.close();
    corpus.remove();
  }
}

type Side = 'on' | 'off';

/** What the alternated requests measured. */
interface PairedCycles {
  readonly samples: { readonly off: number[]; readonly on: number[] };
  /** Each cycle's traced and untraced requests ran back to back: [traced, untraced] per cycle. */
  readonly pairs: [number | undefined, number | undefined][];
  readonly slowest: Map<Side, SlowCycle>;
}

/** Runs `cycles` requests per side, alternated (the side that goes first alternates too), SETTLE_MS apart. */
async function measurePairs(
  output: BenchOutput,
  stacks: Readonly<Record<Side, QueueStack>>,
  cycles: number,
): Promise<PairedCycles> {
  const measured: PairedCycles = { samples: { off: [], on: [] }, pairs: [], slowest: new Map() };
  for (let index = 0; index < cycles; index += 1) {
    const order = index % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    const pair: { on?: number | undefined; off?: number | undefined } = {};
    for (const side of order) {
      const request = await timedRequest(stacks[side].driver, FORK4_PROBLEM, 'parallel');
      const cycle = forkJoinMs(request);
      pair[side] = cycle;
      if (cycle === undefined) {
        output.line(`  (${side}: request ${request.id} has no fork/join pair: ${eventTypes(request)})`);
      } else {
        measured.samples[side].push(cycle);
        if (cycle > (measured.slowest.get(side)?.cycle ?? -1)) measured.slowest.set(side, { cycle, request });
      }
      await sleep(SETTLE_MS);
    }
    measured.pairs.push([pair.on, pair.off]);
  }
  return measured;
}

/** The longest cycle of one side and the request it came from. */
interface SlowCycle {
  readonly cycle: number;
  readonly request: TimedRequest;
}

/** Each side's slowest cycle with its events as offsets from the fork: where an outlier's time went. */
function reportSlowest(output: BenchOutput, slowest: ReadonlyMap<Side, SlowCycle>): void {
  for (const [side, label] of [
    ['on', 'traced'],
    ['off', 'untraced'],
  ] as const) {
    const slow = slowest.get(side);
    if (slow === undefined) continue;
    const fork = slow.request.events.find((event) => event.type === 'fork')?.at ?? 0;
    const timeline = slow.request.events
      .filter((event) => event.at >= fork)
      .map((event) => `${event.type} +${(event.at - fork).toFixed(1)}`)
      .join(', ');
    output.line(`  slowest ${label} cycle: ${ms(slow.cycle)} (${slow.request.id}: ${timeline})`);
  }
}

function eventTypes(request: TimedRequest): string {
  return request.events.map((event) => event.type).join(' ');
}

function report(output: BenchOutput, samples: { readonly off: number[]; readonly on: number[] }, cycles: number): void {
  output.line(
    `5. tracing on vs off: fork→join cycle, one block of 4 threads, time scale 0 (${cycles} requests per side, alternated, ${SETTLE_MS} ms apart; ${samples.on.length} / ${samples.off.length} with fork and join events)`,
  );
  output.line(
    `  ${'every process exporting vs none'.padEnd(34)} ${'traced'.padStart(14)} ${'untraced'.padStart(14)} ${'ratio'.padStart(8)}`,
  );
  for (const [label, q] of [
    ['p50', 0.5],
    ['p90', 0.9],
    ['p99', 0.99],
  ] as const) {
    const [traced, untraced] = [quantile(samples.on, q), quantile(samples.off, q)];
    output.line(ratioRow(label, ms(traced), ms(untraced), traced / untraced, label === 'p50' ? '≤ 1.05×' : 'report'));
  }
}

/**
 * The means and the paired traced − untraced difference with its 95% interval: pairing cancels the load
 * drift both requests of a pair share, so the mean difference resolves the overhead below one cycle's noise.
 */
function reportPaired(
  output: BenchOutput,
  samples: { readonly off: number[]; readonly on: number[] },
  pairs: readonly (readonly [number | undefined, number | undefined])[],
): void {
  const [traced, untraced] = [mean(samples.on), mean(samples.off)];
  output.line(ratioRow('mean', ms(traced), ms(untraced), traced / untraced, 'report'));
  const diff = pairedDifference(pairs);
  const sign = (value: number): string => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
  output.line(
    `  traced − untraced, same cycle (${diff.pairs} pairs): mean ${sign(diff.mean)} ± ${diff.halfWidth95.toFixed(2)} ms (95%), median ${sign(diff.median)} ms`,
  );
}

/** CPU time per request by role (from /proc, so it counts work off the cycle's path too: exports, GC). */
function reportCpu(output: BenchOutput, on: Map<string, number>, off: Map<string, number>, cycles: number): void {
  if (on.size === 0 || off.size === 0) return;
  output.line(`  CPU per request (all processes of a role, user + system, 10 ms ticks over ${cycles} requests):`);
  for (const role of ['worker', 'join worker', 'engine-sim']) {
    const [traced, untraced] = [(on.get(role) ?? 0) / cycles, (off.get(role) ?? 0) / cycles];
    output.line(
      ratioRow(`  ${role}`, `${traced.toFixed(2)} ms`, `${untraced.toFixed(2)} ms`, traced / untraced, 'report'),
    );
  }
}
