import { startQueueStack } from '../stack/queue-stack.js';
import type { BenchOutput } from './bench-suite.js';
import { startBareFlowRig, type BareFlowRig } from './orchestration-bare-flow.js';
import { FORK4_PROBLEM, writeFork4Corpus } from './orchestration-corpus.js';
import { forkJoinMs, forkToLastJoinMs, threadCount, timedRequest } from './orchestration-probes.js';
import { ms, quantile, ratioRow, since } from './orchestration-stats.js';
import type { ReasoningDriver } from '../stack/reasoning-driver.js';

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

const WARM_UP = 3;
const THROUGHPUT_ROUNDS = 3;

/**
 * Benchmark 1 and 2: the fork→join cycle of a 4-thread block on the simulator at time scale 0, and
 * thread-job throughput at saturation, each beside a bare BullMQ flow (parent + 4 no-op children) on the same Redis.
 */
export async function benchOverhead(output: BenchOutput, redisUrl: string, sizes: OverheadSizes, fleet: Fleet): Promise<void> {
  const corpus = writeFork4Corpus();
  const { driver: client, stop } = await startQueueStack({
    machines: fleet.machines, timeScale: 0, redisUrl, corpus: corpus.path, concurrency: fleet.concurrency,
    keyPrefix: '{threadloom-bench-overhead}',
  });
  const bare = startBareFlowRig(redisUrl, { children: 4, childWorkers: fleet.machines, concurrency: fleet.concurrency });
  try {
    for (let index = 0; index < WARM_UP; index += 1) {
      await timedRequest(client, FORK4_PROBLEM, 'parallel');
      await bare.cycle();
    }
    await cycles(output, client, bare, sizes.cycles);
    await throughput(output, client, bare, sizes.burst);
  } finally {
    await bare.close();
    await stop();
    corpus.remove();
  }
}

async function cycles(output: BenchOutput, client: ReasoningDriver, bare: BareFlowRig, count: number): Promise<void> {
  const real: number[] = [];
  const baseline: number[] = [];
  let unseen = 0;
  for (let index = 0; index < count; index += 1) {
    const cycle = forkJoinMs(await timedRequest(client, FORK4_PROBLEM, 'parallel'));
    if (cycle === undefined) unseen += 1;
    else real.push(cycle);
    baseline.push(await bare.cycle());
  }
  const missing = unseen === 0 ? '' : `; ${unseen} without fork/join events, left out`;
  output.line(`1. fork→join cycle, one block of 4 threads, time scale 0 (${count} requests, interleaved${missing})`);
  output.line(`  ${''.padEnd(34)} ${'threadloom'.padStart(14)} ${'bare flow'.padStart(14)} ${'ratio'.padStart(8)}`);
  for (const [label, q] of [['p50', 0.5], ['p99', 0.99]] as const) {
    const [mine, base] = [quantile(real, q), quantile(baseline, q)];
    output.line(ratioRow(label, ms(mine), ms(base), mine / base, '≤ 1.5×'));
  }
}

async function throughput(output: BenchOutput, client: ReasoningDriver, bare: BareFlowRig, burst: number): Promise<void> {
  // A 200-flow bare burst lasts ~0.1 s, so one sample swings 2–3× with the machine's other work:
  // alternate the two sides for a few rounds and compare medians.
  const rounds: { threadPhase: number; endToEnd: number; bare: number }[] = [];
  for (let round = 0; round < THROUGHPUT_ROUNDS; round += 1) {
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: burst }, () => timedRequest(client, FORK4_PROBLEM, 'parallel')));
    const threads = results.reduce((sum, request) => sum + threadCount(request.result), 0);
    const endToEnd = threads / (since(started) / 1000);
    const threadPhase = threads / (forkToLastJoinMs(results) / 1000);
    rounds.push({ threadPhase, endToEnd, bare: (burst * 4) / ((await bare.burst(burst)) / 1000) });
  }
  const median = (key: keyof (typeof rounds)[number]): number => quantile(rounds.map((round) => round[key]), 0.5);
  const [threadPhase, endToEnd, bareRate] = [median('threadPhase'), median('endToEnd'), median('bare')];
  output.line(`2. thread jobs per second at saturation (${burst} requests × 4 threads submitted at once; median of ${THROUGHPUT_ROUNDS} alternating rounds)`);
  output.line(ratioRow('first fork → last join', `${threadPhase.toFixed(0)}/s`, `${bareRate.toFixed(0)}/s`, threadPhase / bareRate, '≥ 0.7×'));
  output.line(ratioRow('end to end (submit → result)', `${endToEnd.toFixed(0)}/s`, `${bareRate.toFixed(0)}/s`, endToEnd / bareRate, 'report'));
}
