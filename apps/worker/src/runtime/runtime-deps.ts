import type { WorkerConfig } from '../config/worker-config.js';
import type { RequestStore } from '@threadloom/queue';
import type { CancellationRegistry } from './cancellation-registry.js';
import type { WorkerMetrics } from '../metrics/worker-metrics.js';
import type { LaneQueues } from '@threadloom/queue';
import type { RequestFinisher } from '@threadloom/queue';
import type { PrefixRecorder } from '../placement/prefix-recorder.js';
import type { EnginePool } from '../engine/engine-pool.js';

/** Everything a processor needs; built once per process by the worker module. */
export interface RuntimeDeps {
  readonly config: WorkerConfig;
  readonly store: RequestStore;
  readonly finisher: RequestFinisher;
  /** BullMQ handles of every lane; a request's jobs go to the lane its id names. */
  readonly lanes: LaneQueues;
  /** This machine's engine (`local`) plus other machines' engines a job can be routed to; null without an engine. */
  readonly engines: EnginePool | null;
  readonly cancellations: CancellationRegistry;
  readonly metrics: WorkerMetrics;
  /** Records which machine computed which prefix of a request (prefix-aware placement only). */
  readonly prefixes: PrefixRecorder | undefined;
}
