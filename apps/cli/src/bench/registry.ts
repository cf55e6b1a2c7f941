import { API_BENCH } from './api.bench.js';
import type { BenchSuite } from './bench-suite.js';
import { ORCHESTRATION_BENCH } from './orchestration.bench.js';
import { PACKING_BENCH } from './packing.bench.js';
import { REDIS_BENCH } from './redis.bench.js';
import { RETOKENIZE_BENCH } from './retokenize.bench.js';
import { RELIABILITY_BENCH } from './reliability/reliability.bench.js';
import { REWARDS_BENCH } from './rewards.bench.js';
import { ROLLOUTS_BENCH } from './rollouts.bench.js';
import { SCALE_BENCH } from './scale/scale.bench.js';
import { SIM_BENCH } from './sim.bench.js';
import { THREADING_BENCH } from './threading.bench.js';

/** Every benchmark suite, in `bench all` order. Adding a suite is one line here (its `<suite>.bench.ts` beside). */
export const BENCH_SUITES: readonly BenchSuite[] = [
  THREADING_BENCH,
  PACKING_BENCH,
  ORCHESTRATION_BENCH,
  REDIS_BENCH,
  REWARDS_BENCH,
  ROLLOUTS_BENCH,
  API_BENCH,
  SIM_BENCH,
  RETOKENIZE_BENCH,
  RELIABILITY_BENCH,
  SCALE_BENCH,
];

/** The suite with this name, if any. */
export function findBenchSuite(name: string): BenchSuite | undefined {
  return BENCH_SUITES.find((suite) => suite.name === name);
}
