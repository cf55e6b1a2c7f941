import { startRedisServer } from '@threadloom/devstack';
import type { BenchOptions, BenchOutput, BenchSuite } from './bench-suite.js';
import { benchCallCost, type CallCostSizes } from './orchestration-call-cost.js';
import { benchOverhead, type Fleet, type OverheadSizes } from './orchestration-overhead.js';
import { benchSpeedup, type SpeedupSizes } from './orchestration-speedup.js';
import { benchPlacement, type PlacementSizes } from './orchestration-placement.js';
import { benchTracing, type TracingSizes } from './orchestration-tracing.js';
import { UnknownBenchSectionError } from './unknown-bench-section.error.js';

interface Sizes {
  readonly overhead: OverheadSizes;
  readonly speedup: SpeedupSizes;
  readonly tracing: TracingSizes;
  readonly placement: PlacementSizes;
  readonly callCost: CallCostSizes;
}

const FULL: Sizes = {
  overhead: { cycles: 100, burst: 200 },
  speedup: { problems: 6, timeScale: 0.2, maxRunning: 8 },
  tracing: { rounds: 6, cyclesPerRound: 50 },
  // Time scale 0.25: a 250-token thread is ~1.6 s of wall time, so this machine's fixed per-call CPU (~20–200 ms) is not most of it.
  placement: { longProblems: 2, shortProblems: 1, timeScale: 0.25, maxRunning: 8 },
  callCost: { rounds: 10 },
};
const QUICK: Sizes = {
  overhead: { cycles: 20, burst: 40 },
  speedup: { problems: 2, timeScale: 0.1, maxRunning: 8 },
  tracing: { rounds: 2, cyclesPerRound: 15 },
  placement: { longProblems: 1, shortProblems: 1, timeScale: 0.05, maxRunning: 8 },
  callCost: { rounds: 3 },
};
/** Three simulated machines, as the demo; worker concurrency high enough that engines, not slots, saturate. */
const FLEET: Fleet = { machines: 3, concurrency: 32 };

type Section = (output: BenchOutput, redisUrl: string, sizes: Sizes) => Promise<void>;

/** The suite's sections in run order; `--only` picks some by name, the default runs every one marked so. */
const SECTIONS: readonly { readonly name: string; readonly byDefault: boolean; readonly run: Section }[] = [
  { name: 'overhead', byDefault: true, run: (out, url, sizes) => benchOverhead(out, url, sizes.overhead, FLEET) },
  { name: 'speedup', byDefault: true, run: (out, url, sizes) => benchSpeedup(out, url, sizes.speedup, FLEET) },
  { name: 'tracing', byDefault: true, run: (out, url, sizes) => benchTracing(out, url, sizes.tracing, FLEET) },
  // About 25 minutes on its own at time scale 0.25 (issue 16), so only when asked for: `--only placement`.
  { name: 'placement', byDefault: false, run: (out, url, sizes) => benchPlacement(out, url, sizes.placement, FLEET) },
  // What placement cannot remove: the fixed cost of an engine call on a long context (issue 16).
  { name: 'call-cost', byDefault: false, run: (out, url, sizes) => benchCallCost(out, url, sizes.callCost, FLEET) },
];

/** The sections `--only` names, or the default ones; an unknown name is refused before anything starts. */
export function selectSections(only: readonly string[] | undefined): typeof SECTIONS {
  if (only === undefined || only.length === 0) return SECTIONS.filter((section) => section.byDefault);
  const unknown = only.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0)
    throw new UnknownBenchSectionError(
      unknown,
      SECTIONS.map((section) => section.name),
    );
  return SECTIONS.filter((section) => only.includes(section.name));
}

/**
 * `threadloom bench orchestration`: the distributed runtime beside bare BullMQ flows (issue 5, Benchmark 1–4),
 * tracing on vs off (issue 13), on a private Redis and real worker, simulator and API processes.
 */
export const ORCHESTRATION_BENCH: BenchSuite = {
  name: 'orchestration',
  description:
    'fork/join overhead and thread throughput vs bare BullMQ flows, realized vs ideal speedup, Redis bytes per request, tracing overhead',
  async run(output: BenchOutput, options?: BenchOptions): Promise<void> {
    const sizes = options?.quick === true ? QUICK : FULL;
    const sections = selectSections(options?.only);
    const started = performance.now();
    const redis = await startRedisServer();
    try {
      for (const section of sections) await section.run(output, redis.url, sizes);
    } finally {
      await redis.stop();
    }
    output.line(
      `  (${FLEET.machines} simulated machines, ${((performance.now() - started) / 1000).toFixed(0)} s${options?.quick === true ? ', --quick' : ''})`,
    );
  },
};
