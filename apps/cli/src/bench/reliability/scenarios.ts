import type { ReliabilityScenario } from './scenario.js';
import { WORKER_CRASHES } from './s1-worker-crashes.js';
import { REDIS_RESTART } from './s2-redis-restart.js';
import { NETWORK_PARTITION } from './s3-network-partition.js';
import { ENGINE_FAULTS } from './s4-engine-faults.js';
import { MALFORMED_OUTPUT } from './s5-malformed-output.js';
import { HOSTILE_INPUT } from './s6-hostile-input.js';
import { LOAD } from './s7-load.js';
import { ROLLING_RESTART } from './s8-rolling-restart.js';

/** Every scenario of the fault suite, in run order. Adding one is one file beside this and one line here. */
export const SCENARIOS: readonly ReliabilityScenario[] = [
  WORKER_CRASHES,
  REDIS_RESTART,
  NETWORK_PARTITION,
  ENGINE_FAULTS,
  MALFORMED_OUTPUT,
  HOSTILE_INPUT,
  LOAD,
  ROLLING_RESTART,
];
