import { startRedisServer } from '@threadloom/devstack';
import type { BenchOptions, BenchOutput, BenchSuite } from './bench-suite.js';
import { benchOverhead, type Fleet, type OverheadSizes } from './orchestration-overhead.js';
import { benchSpeedup, type SpeedupSizes } from './orchestration-speedup.js';

interface Sizes {
  readonly overhead: OverheadSizes;
  readonly speedup: SpeedupSizes;
}

const FULL: Sizes = { overhead: { cycles: 100, burst: 200 }, speedup: { problems: 6, timeScale: 0.2, maxRunning: 8 } };
const QUICK: Sizes = { overhead: { cycles: 20, burst: 40 }, speedup: { problems: 2, timeScale: 0.1, maxRunning: 8 } };
/** Three simulated machines, as the demo; worker concurrency high enough that engines, not slots, saturate. */
const FLEET: Fleet = { machines: 3, concurrency: 32 };

/**
 * `threadloom bench orchestration`: the distributed runtime beside bare BullMQ flows (issue 5, Benchmark 1–4),
 * on a private Redis and real worker, simulator and API processes.
 */
export const ORCHESTRATION_BENCH: BenchSuite = {
  name: 'orchestration',
  description:
    'fork/join overhead and thread throughput vs bare BullMQ flows, realized vs ideal speedup, Redis bytes per request',
  async run(output: BenchOutput, options?: BenchOptions): Promise<void> {
    const sizes = options?.quick === true ? QUICK : FULL;
    const started = performance.now();
    const redis = await startRedisServer();
    try {
      await benchOverhead(output, redis.url, sizes.overhead, FLEET);
      await benchSpeedup(output, redis.url, sizes.speedup, FLEET);
    } finally {
      await redis.stop();
    }
    output.line(
      `  (${FLEET.machines} simulated machines, ${((performance.now() - started) / 1000).toFixed(0)} s${options?.quick === true ? ', --quick' : ''})`,
    );
  },
};
