import type { RedisUsageDelta } from '@threadloom/devstack';

/** One master of the cluster over a configuration's load window. */
export interface MasterSample {
  /** `host:port`. */
  readonly node: string;
  /** Lanes whose hash-tag slot this master serves. */
  readonly lanes: readonly number[];
  /** Its counters' change over the load window. */
  readonly delta: RedisUsageDelta;
  /** CPU seconds per second it used with the fleet connected and no requests (timers, gossip, idle pollers). */
  readonly idleCpuPerSecond: number;
}

/** CPU time a group of fleet processes used over the load window. */
export interface ProcessCpu {
  readonly role: string;
  readonly cpuSeconds: number;
}

/** Redis memory taken by requests held at their fork (threads queued) and left once they completed. */
export interface MemorySample {
  readonly requests: number;
  /** Σ used_memory over the masters, requests at the fork minus before. */
  readonly inFlightBytes: number;
  /** Σ used_memory over the masters, requests completed (kept for retention) minus before. */
  readonly retainedBytes: number;
}

/** Everything measured for one lane configuration. */
export interface ConfigSample {
  readonly label: string;
  readonly lanes: number;
  /** Requests completed in the load window (each one block of `threadsPerRequest` threads). */
  readonly requests: number;
  /** How many of them each lane got (index = lane): the producer picks a lane per request id. */
  readonly requestsByLane: readonly number[];
  readonly threadsPerRequest: number;
  readonly windowSeconds: number;
  readonly masters: readonly MasterSample[];
  readonly processes: readonly ProcessCpu[];
  readonly memory?: MemorySample;
}
