import type { BenchOutput } from './bench-suite.js';
import { writeFork4Corpus } from './orchestration-corpus.js';
import type { Fleet } from './orchestration-overhead.js';
import { startOtlpSink } from './otlp-sink.js';
import { reportCpu, reportPooled, reportRound, reportSlowest } from './tracing-report.js';
import { runTracingRound, type RoundResult } from './tracing-round.js';

/** How many rounds on fresh stacks, and how many fork→join cycles each side runs per round (after the warm-up). */
export interface TracingSizes {
  readonly rounds: number;
  readonly cyclesPerRound: number;
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
 * scale 0, requests alternated one by one (the side that goes first alternates too), each after the
 * previous one's deferred work has run (SETTLE_MS). A pair of stacks differs from the next pair started
 * the same way by more than tracing costs (the p50 ratio of one pair of untraced stacks ranged 1.00–1.02×,
 * of traced vs untraced with no spans made 0.98–1.10×), so the bench runs several rounds, each on two fresh
 * stacks, and reads the target from the samples of all rounds together.
 */
export async function benchTracing(
  output: BenchOutput,
  redisUrl: string,
  sizes: TracingSizes,
  fleet: Fleet,
): Promise<void> {
  const corpus = writeFork4Corpus();
  const sink = await startOtlpSink();
  const stack = {
    machines: fleet.machines,
    timeScale: 0,
    redisUrl,
    corpus: corpus.path,
    concurrency: fleet.concurrency,
  };
  try {
    output.line(
      `5. tracing on vs off: fork→join cycle, one block of 4 threads, time scale 0 (${sizes.rounds} rounds on fresh stacks × ${sizes.cyclesPerRound} requests per side, alternated, ${SETTLE_MS} ms apart)`,
    );
    const rounds: RoundResult[] = [];
    for (let round = 0; round < sizes.rounds; round += 1) {
      const setup = {
        round,
        cycles: sizes.cyclesPerRound,
        warmUp: WARM_UP,
        settleMs: SETTLE_MS,
        otlpEndpoint: sink.url,
        stack,
      };
      rounds.push(await runTracingRound(output, setup));
      reportRound(output, round, rounds[round]!);
    }
    reportPooled(output, rounds);
    reportSlowest(output, rounds);
    reportCpu(output, rounds);
    // Stopping each round's stacks flushed what their batches still held.
    const exported = sink.counts();
    output.line(
      `  exported: ${exported.exports} OTLP requests, ${(exported.bytes / 1024).toFixed(0)} KiB (warm-up included)`,
    );
  } finally {
    await sink.close();
    corpus.remove();
  }
}
