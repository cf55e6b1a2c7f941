import { setTimeout as sleep } from 'node:timers/promises';
import {
  cancelChannel,
  DEFAULT_LANE,
  WORKER_ROLES,
  lanePrefix,
  QUEUE_NAMES,
  type JoinJobData,
  type ReasonJobData,
  type ThreadJobData,
  type WorkerRole,
} from '@threadloom/contracts';
import { Worker, type Job, type Processor, type Queue } from 'bullmq';
import type { RedisClient } from '@threadloom/queue';
import type { WorkerConfig } from '../config/worker-config.js';
import type { EngineClient } from '@threadloom/engine-client';
import { EnginePool } from '../engine/engine-pool.js';
import { publishServedContext } from '../engine/publish-served-context.js';
import { processJoin } from '../processors/join.processor.js';
import { processReason } from '../processors/reason.processor.js';
import { processThread } from '../processors/thread.processor.js';
import { checkRedisPolicy } from '../redis/check-redis-policy.js';
import { createWorkerConnection, waitForReady } from '@threadloom/queue';
import { LaneQueues, RequestStore } from '@threadloom/queue';
import { EnginePlacement } from '../placement/engine-placement.js';
import { JobPlacer } from '../placement/job-placer.js';
import { PrefixRecorder } from '../placement/prefix-recorder.js';
import { placed } from '../placement/placed-processor.js';
import { CancellationRegistry } from './cancellation-registry.js';
import { LaneBudget } from './lane-budget.js';
import { RequestFinisher, RequestReaper } from '@threadloom/queue';
import { ROLLOUT_CLAIM_LEASE_MS, RolloutGroups, RolloutGroupStore, RolloutSweeper } from '@threadloom/queue';
import type { RuntimeDeps } from './runtime-deps.js';
import { joinExpositions, serveMetrics, type MetricsServer } from '@threadloom/telemetry';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import { observeSettled } from '../metrics/observe-settled.js';
import { settleFinalFailure } from './settle-final-failure.js';

/** Where the runtime reports; the Nest logger in the process, silence in tests. */
export interface RuntimeLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The BullMQ workers of one process plus the connections they share. */
export class WorkerRuntime {
  private readonly workers: Worker[] = [];
  private readonly closables: { close(): Promise<void> }[] = [];
  private readonly connections: RedisClient[] = [];
  private cancellations: CancellationRegistry | undefined;
  private placement: EnginePlacement | undefined;
  private readonly reapers: RequestReaper[] = [];
  private rollouts: RolloutGroups | undefined;
  private sweeper: RolloutSweeper | undefined;
  private placer: JobPlacer | undefined;
  private metricsServer: MetricsServer | undefined;
  /** The lanes this process takes jobs from. */
  private readonly lanes: readonly number[];
  /** Each role's concurrency, shared by its workers of every lane. */
  private readonly budgets: Readonly<Record<WorkerRole, LaneBudget>>;
  private readonly metrics = new WorkerMetrics();
  private readonly config: WorkerConfig;
  private readonly logger: RuntimeLogger;

  constructor(config: WorkerConfig, logger: RuntimeLogger) {
    this.config = config;
    this.logger = logger;
    this.lanes = config.workerLanes;
    const budget = (role: WorkerRole): [WorkerRole, LaneBudget] => [role, new LaneBudget(config.concurrency[role])];
    this.budgets = Object.fromEntries(WORKER_ROLES.map(budget)) as Record<WorkerRole, LaneBudget>;
  }

  /** Checks Redis, builds the processors' dependencies and starts one BullMQ worker per role. */
  async start(): Promise<void> {
    const { config } = this;
    // Store reads/writes, events and job adds of all concurrent jobs: batched per tick (fewer syscalls on both sides).
    const commands = this.connect('commands', true);
    await waitForReady(commands, 30_000);
    const report = await checkRedisPolicy(commands, config.requireAof);
    for (const warning of report.warnings) this.logger.warn(`WARNING: ${warning}`);
    const deps = await this.buildDeps(commands);
    await this.publishContext(commands, deps.engines?.local ?? null);
    this.placement = await this.startPlacement(commands);
    if (this.placement !== undefined) {
      const { placementPolicy: policy, affinityMaxWaitMs, enginePriority } = config;
      this.placer = new JobPlacer(this.placement, deps.prefixes, {
        policy,
        affinityMaxWaitMs,
        threadsSkipWaiting: enginePriority,
      });
    }
    for (const lane of this.lanes)
      for (const role of config.roles) this.workers.push(this.createWorker(role, lane, deps));
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    for (const lane of this.lanes) this.reapers.push(this.startReaper(commands, lane, deps));
    this.sweeper = this.startSweeper(commands);
    // A thread machine that has not run a thread yet still reports 0, so dashboards see it idle rather than absent.
    if (config.roles.includes('thread')) this.metrics.threadsInFlight.labels({ machine: config.machineId }).set(0);
    this.metricsServer = await this.serveMetrics(deps);
  }

  /** The port `/metrics` is served on, or undefined when METRICS_PORT=0 or the port was taken. */
  get metricsPort(): number | undefined {
    return this.metricsServer?.port;
  }

  /** Prometheus text of this process; the join role adds BullMQ's own job counts per queue and state. */
  private async serveMetrics(deps: RuntimeDeps): Promise<MetricsServer | undefined> {
    if (this.config.metricsPort === 0) return undefined;
    const lanes = this.config.roles.includes('join') ? this.lanes.map((lane) => deps.lanes.lane(lane)) : [];
    // One lane keeps the unlabelled series; with several, each lane's series says which.
    const labels = (lane: number): Record<string, string> | undefined =>
      this.lanes.length > 1 ? { lane: String(lane) } : undefined;
    const queues: { queue: Queue; lane: number }[] = lanes.flatMap((handles) =>
      [handles.reason, handles.thread, handles.join].map((queue) => ({ queue, lane: handles.lane })),
    );
    const source = async (): Promise<string> => {
      const own = await this.metrics.registry.metrics();
      const bullmq = await Promise.all(queues.map(({ queue, lane }) => queue.exportPrometheusMetrics(labels(lane))));
      return joinExpositions([own, ...bullmq]);
    };
    return serveMetrics(source, this.config.metricsPort).catch((error: unknown) => {
      this.logger.warn(`metrics not served on port ${this.config.metricsPort}: ${String(error)}`);
      return undefined;
    });
  }

  /** Stops taking jobs, waits up to the grace period for active ones, then releases the rest (stalled recovery elsewhere). */
  async close(): Promise<void> {
    // Out of the routing table first: other machines must stop sending engine calls here while it drains.
    await this.placement?.stop();
    const graceful = Promise.all(this.workers.map((worker) => worker.close())).then(() => true);
    const expired = sleep(this.config.shutdownGraceMs, false, { ref: false });
    if (!(await Promise.race([graceful, expired]))) {
      // close(true) would return the pending graceful close; instead drop the connections: the jobs'
      // locks lapse and the stalled-job checker of another worker re-queues them.
      this.logger.warn(
        `shutdown grace of ${this.config.shutdownGraceMs} ms elapsed; releasing active jobs to other workers`,
      );
      for (const connection of this.connections) connection.disconnect();
      return;
    }
    await Promise.all(this.reapers.map((reaper) => reaper.stop()));
    await this.sweeper?.stop();
    await this.metricsServer?.close();
    await this.cancellations?.stop();
    await Promise.all(this.closables.map((closable) => closable.close()));
    for (const connection of this.connections) connection.disconnect();
  }

  private connect(name: string, autoPipelining = false): RedisClient {
    const connection = createWorkerConnection(
      { url: this.config.redisUrl, clusterNodes: this.config.redisClusterNodes },
      `threadloom-worker-${this.config.machineId}-${name}`,
      { autoPipelining },
    );
    connection.on('error', (error: Error) => this.logger.error(`redis ${name}: ${error.message}`));
    this.connections.push(connection);
    return connection;
  }

  private async buildDeps(commands: RedisClient): Promise<RuntimeDeps> {
    const { config } = this;
    const prefix = config.keyPrefix;
    const policy = { retry: config.retry, retentionSeconds: config.retentionSeconds };
    const lanes = new LaneQueues(commands, prefix, policy);
    this.closables.push(lanes);
    const store = new RequestStore(commands, prefix);
    this.cancellations = new CancellationRegistry(this.connect('cancel'), cancelChannel(prefix));
    await this.cancellations.start();
    const groups = new RolloutGroupStore(commands, prefix, config.retentionSeconds);
    this.rollouts = new RolloutGroups(groups, store, { claimLeaseMs: ROLLOUT_CLAIM_LEASE_MS });
    const afterSettle = this.rollouts.afterSettle((message) => this.logger.warn(message));
    const engines = EnginePool.forWorker(config);
    return {
      config,
      store,
      engines,
      cancellations: this.cancellations,
      metrics: this.metrics,
      prefixes: PrefixRecorder.forWorker(config, commands),
      finisher: new RequestFinisher(
        store,
        config.retentionSeconds,
        (settled) => observeSettled(this.metrics, settled),
        afterSettle,
      ),
      lanes,
    };
  }

  /** Placement by free engine capacity, when the engine's sequence limit is configured. */
  private async startPlacement(commands: RedisClient): Promise<EnginePlacement | undefined> {
    const { config } = this;
    if (config.engineUrl === null || config.engineMaxSeqs === null) return undefined;
    const placement = new EnginePlacement(
      commands,
      {
        engineUrl: config.engineUrl,
        machineId: config.machineId,
        maxSeqs: config.engineMaxSeqs,
        pollMs: config.engineLoadPollMs,
        keyPrefix: config.keyPrefix,
        advertiseUrl: config.engineAdvertiseUrl ?? undefined,
      },
      (message) => this.logger.warn(message),
    );
    await placement.start();
    return placement;
  }

  /** Producers refuse submissions the engine's context can never hold; an engine that does not say is not checked. */
  private async publishContext(commands: RedisClient, engine: EngineClient | null): Promise<void> {
    const { machineId, keyPrefix } = this.config;
    if (engine === null) return;
    await publishServedContext(commands, engine, { machineId, keyPrefix }).catch((error: unknown) =>
      this.logger.warn(`could not read the engine's served context: ${String(error)}`),
    );
  }

  /** Rollout groups whose completing mark was lost (a process killed after settling) are finished here. */
  private startSweeper(commands: RedisClient): RolloutSweeper | undefined {
    if (this.rollouts === undefined) return undefined;
    const interval = this.config.reaperIntervalMs;
    const sweeper = new RolloutSweeper(
      { redis: commands, prefix: this.config.keyPrefix, groups: this.rollouts },
      { graceMs: interval, intervalMs: interval },
      (message) => this.logger.warn(message),
    );
    sweeper.start();
    return sweeper;
  }

  /** Every worker runs a reaper per lane it consumes; a Redis lock per lane lets one of them act per round. */
  private startReaper(commands: RedisClient, lane: number, deps: RuntimeDeps): RequestReaper {
    const { config } = this;
    const prefix = config.keyPrefix;
    const queues = deps.lanes.lane(lane);
    const reaper = new RequestReaper(
      { redis: commands, prefix, lane, store: deps.store, finisher: deps.finisher, queues },
      { graceMs: config.reaperGraceMs, intervalMs: config.reaperIntervalMs, deadlineSweepMs: config.deadlineSweepMs },
      (message) => this.logger.warn(message),
    );
    reaper.start();
    return reaper;
  }

  private createWorker(role: WorkerRole, lane: number, deps: RuntimeDeps): Worker {
    const { config } = this;
    const budget = this.budgets[role];
    const processor = placed(role, processorFor(role, deps), this.placer, config.maxHandBackWaitMs, () =>
      this.metrics.placementHandbacks.inc(),
    );
    const worker = new Worker(
      QUEUE_NAMES[role],
      (job: Job, token?: string) => budget.run(lane, async () => (await processor(job, token)) as unknown),
      {
        connection: this.connect(lane === DEFAULT_LANE ? `worker-${role}` : `worker-${role}-l${lane}`),
        prefix: lanePrefix(config.keyPrefix, lane),
        concurrency: budget.initial(this.lanes.length),
        lockDuration: config.lockDurationMs,
        stalledInterval: config.stalledIntervalMs,
        maxStalledCount: config.maxStalledCount,
        name: lane === DEFAULT_LANE ? `${config.machineId}-${role}` : `${config.machineId}-${role}-l${lane}`,
      },
    );
    budget.attach(lane, worker);
    worker.on('error', (error) => this.logger.error(`${role} worker: ${error.message}`));
    // A lost lock means another worker will run the job again: stop spending the GPU on it here.
    worker.on('lockRenewalFailed', (jobIds) => {
      for (const jobId of jobIds) this.cancellations?.abortJob(jobId, 'lock lost');
    });
    worker.on('failed', (job, error) => {
      this.logger.warn(`${role} job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
      if (job === undefined) return;
      settleFinalFailure(deps.finisher, role, job).catch((settleError: unknown) =>
        this.logger.error(`${role} job ${job.id ?? '?'}: could not settle its request: ${String(settleError)}`),
      );
    });
    return worker;
  }
}

function processorFor(role: WorkerRole, deps: RuntimeDeps): Processor {
  switch (role) {
    case 'reason':
      return (job: Job<ReasonJobData>) => processReason(deps, job);
    case 'thread':
      return (job: Job<ThreadJobData>, token?: string) => processThread(deps, job, token);
    case 'join':
      return (job: Job<JoinJobData>) => processJoin(deps, job);
  }
}
