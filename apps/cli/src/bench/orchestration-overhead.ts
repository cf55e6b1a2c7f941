import { SIM_MODEL } from '../stack/served-model.js';
import { startQueueStack } from '../stack/queue-stack.js';
import type { ReasoningDriver } from '../stack/reasoning-driver.js';
import { startBareFleetRig } from './bare-fleet/bare-fleet-rig.js';
import { probeThreadRequests } from './bare-fleet/probe-thread-requests.js';
import type { BenchOutput } from './bench-suite.js';
import { startBareFlowRig, type BareFlowRig, type BareFlowShape } from './orchestration-bare-flow.js';
import { FORK4_PROBLEM, writeFork4Corpus } from './orchestration-corpus.js';
import { forkJoinMs, forkToLastJoinMs, threadCount, timedRequest } from './orchestration-probes.js';
import { ms, quantile, ratioRow, since } from './orchestration-stats.js';

/** How big the overhead measurements are. */
export interface OverheadSizes {
  readonly cycles: number;
  readonly burst: number;
}

/** Shape of the fleet both sides run on. */
export interface Fleet {
  readonly machines: number;
  readonly concurrency: number;
}

/** A bare BullMQ flow rig the runtime is compared with; the targets apply to the first. */
interface Baseline {
  readonly label: string;
  readonly rig: BareFlowRig;
}

const WARM_UP = 3;
const THROUGHPUT_ROUNDS = 3;
const CHILDREN = 4;

/**
 * Benchmark 1 and 2: the fork→join cycle of a 4-thread block on the simulator at time scale 0, and
 * thread-job throughput at saturation, each beside bare BullMQ flows (parent + 4 children) on the same
 * Redis: no-op children in this process (the baseline), no-op children on the fleet's process
 * layout, and children that each stream their thread's completion on the fleet's engines (the work floor).
 */
export async function benchOverhead(
  output: BenchOutput,
  redisUrl: string,
  sizes: OverheadSizes,
  fleet: Fleet,
): Promise<void> {
  const corpus = writeFork4Corpus();
  const queueStack = await startQueueStack({
    machines: fleet.machines,
    timeScale: 0,
    redisUrl,
    corpus: corpus.path,
    concurrency: fleet.concurrency,
    keyPrefix: '{threadloom-bench-overhead}',
  });
  const baselines: Baseline[] = [];
  try {
    await startBaselines(
      baselines,
      redisUrl,
      fleet,
      queueStack.stack.machines.map((machine) => machine.engineUrl),
    );
    const client = queueStack.driver;
    for (let index = 0; index < WARM_UP; index += 1) {
      await timedRequest(client, FORK4_PROBLEM, 'parallel');
      for (const baseline of baselines) await baseline.rig.cycle();
    }
    await cycles(output, client, baselines, sizes.cycles);
    await throughput(output, client, baselines, sizes.burst);
  } finally {
    await Promise.all(baselines.map((baseline) => baseline.rig.close()));
    await queueStack.stop();
    corpus.remove();
  }
}

/** Starts the baselines into `into` one by one, so that whatever started is closed if a later one fails. */
async function startBaselines(
  into: Baseline[],
  redisUrl: string,
  fleet: Fleet,
  engineUrls: readonly string[],
): Promise<void> {
  const shape: BareFlowShape = { children: CHILDREN, childWorkers: fleet.machines, concurrency: fleet.concurrency };
  const requests = await probeThreadRequests(engineUrls[0] ?? '', SIM_MODEL, FORK4_PROBLEM);
  const work = { engineUrls, model: SIM_MODEL, requests };
  into.push({ label: 'bare, one process', rig: startBareFlowRig(redisUrl, shape) });
  into.push({
    label: 'bare, fleet processes',
    rig: await startBareFleetRig(redisUrl, shape, '{threadloom-bench-fleet}'),
  });
  into.push({
    label: 'bare + completions, fleet',
    rig: await startBareFleetRig(redisUrl, shape, '{threadloom-bench-fleet-work}', work),
  });
}

async function cycles(
  output: BenchOutput,
  client: ReasoningDriver,
  baselines: readonly Baseline[],
  count: number,
): Promise<void> {
  const real: number[] = [];
  const measured = baselines.map((): number[] => []);
  let unseen = 0;
  for (let index = 0; index < count; index += 1) {
    const cycle = forkJoinMs(await timedRequest(client, FORK4_PROBLEM, 'parallel'));
    if (cycle === undefined) unseen += 1;
    else real.push(cycle);
    for (const [position, baseline] of baselines.entries()) measured[position]!.push(await baseline.rig.cycle());
  }
  const missing = unseen === 0 ? '' : `; ${unseen} without fork/join events, left out`;
  output.line(
    `1. fork→join cycle, one block of ${CHILDREN} threads, time scale 0 (${count} requests, interleaved with each baseline${missing})`,
  );
  output.line(
    `  ${'vs baseline'.padEnd(34)} ${'threadloom'.padStart(14)} ${'baseline'.padStart(14)} ${'ratio'.padStart(8)}`,
  );
  for (const [position, baseline] of baselines.entries()) {
    for (const [label, q] of [
      ['p50', 0.5],
      ['p99', 0.99],
    ] as const) {
      const [mine, base] = [quantile(real, q), quantile(measured[position]!, q)];
      output.line(
        ratioRow(`${label} ${baseline.label}`, ms(mine), ms(base), mine / base, position === 0 ? '≤ 1.5×' : 'report'),
      );
    }
  }
}

async function throughput(
  output: BenchOutput,
  client: ReasoningDriver,
  baselines: readonly Baseline[],
  burst: number,
): Promise<void> {
  // A 200-flow bare burst lasts ~0.1 s, so one sample swings 2–3× with the machine's other work:
  // alternate the sides for a few rounds and compare medians.
  const rounds: { threadPhase: number; endToEnd: number; bare: number[] }[] = [];
  for (let round = 0; round < THROUGHPUT_ROUNDS; round += 1) {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: burst }, () => timedRequest(client, FORK4_PROBLEM, 'parallel')),
    );
    const threads = results.reduce((sum, request) => sum + threadCount(request.result), 0);
    const endToEnd = threads / (since(started) / 1000);
    const threadPhase = threads / (forkToLastJoinMs(results) / 1000);
    const bare: number[] = [];
    for (const baseline of baselines) bare.push((burst * CHILDREN) / ((await baseline.rig.burst(burst)) / 1000));
    rounds.push({ threadPhase, endToEnd, bare });
  }
  const median = (values: readonly number[]): number => quantile(values, 0.5);
  const threadPhase = median(rounds.map((round) => round.threadPhase));
  const endToEnd = median(rounds.map((round) => round.endToEnd));
  output.line(
    `2. thread jobs per second at saturation (${burst} requests × ${CHILDREN} threads submitted at once; median of ${THROUGHPUT_ROUNDS} alternating rounds)`,
  );
  output.line(
    `  ${'first fork → last join, vs'.padEnd(34)} ${'threadloom'.padStart(14)} ${'baseline'.padStart(14)} ${'ratio'.padStart(8)}`,
  );
  for (const [position, baseline] of baselines.entries()) {
    const rate = median(rounds.map((round) => round.bare[position]!));
    output.line(
      ratioRow(
        baseline.label,
        `${threadPhase.toFixed(0)}/s`,
        `${rate.toFixed(0)}/s`,
        threadPhase / rate,
        position === 0 ? '≥ 0.7×' : 'report',
      ),
    );
  }
  const first = median(rounds.map((round) => round.bare[0]!));
  output.line(
    ratioRow(
      `end to end, vs ${baselines[0]?.label ?? ''}`,
      `${endToEnd.toFixed(0)}/s`,
      `${first.toFixed(0)}/s`,
      endToEnd / first,
      'report',
    ),
  );
}
