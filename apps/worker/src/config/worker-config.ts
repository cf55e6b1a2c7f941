import {
  commaListSchema,
  DEFAULT_MODEL,
  keyLayoutEnvShape,
  laneLayoutIssues,
  parseLaneList,
  redisClusterEnvShape,
  retryEnvShape,
  toRetryPolicy,
  WORKER_ROLES,
  type RetryPolicy,
  type WorkerRole,
} from '@threadloom/contracts';
import { DEFAULT_ENGINE_TIMEOUT_MS } from '@threadloom/engine-client';
import { z } from 'zod';
import { PLACEMENT_POLICIES, type PlacementPolicy } from '../placement/placement-policy.js';
import { engineEnvSchema, toEngineSettings, type EngineSettings } from './engine-settings.js';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const rolesSchema = commaListSchema('reason,thread,join').pipe(
  z.array(z.enum(WORKER_ROLES)).min(1, 'at least one role'),
);

/** Environment contract of a worker process (see docs/operations.md; engine variables: docs/vllm.md). */
export const workerEnvSchema = engineEnvSchema.extend({
  REDIS_URL: z.url(),
  ...redisClusterEnvShape,
  ENGINE_URL: z.url().optional(),
  ENGINE_ADVERTISE_URL: z.url().optional(),
  WORKER_ROLES: rolesSchema,
  REASON_CONCURRENCY: positiveInt(4),
  THREAD_CONCURRENCY: positiveInt(16),
  JOIN_CONCURRENCY: positiveInt(16),
  MACHINE_ID: z.string().min(1).default('local'),
  MODEL_NAME: z.string().min(1).default(DEFAULT_MODEL),
  ...keyLayoutEnvShape,
  WORKER_LANES: z.string().optional(),
  SHUTDOWN_GRACE_MS: positiveInt(25_000),
  ENGINE_TIMEOUT_MS: positiveInt(DEFAULT_ENGINE_TIMEOUT_MS),
  ENGINE_MAX_SEQS: z.coerce.number().int().positive().optional(),
  ENGINE_LOAD_POLL_MS: positiveInt(50),
  PLACEMENT_POLICY: z.enum(PLACEMENT_POLICIES).default('prefix'),
  PLACEMENT_AFFINITY_MAX_WAIT_MS: positiveInt(1_000),
  ENGINE_PRIORITY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  RETENTION_SECONDS: positiveInt(7 * 24 * 3600),
  ...retryEnvShape,
  LOCK_DURATION_MS: positiveInt(30_000),
  STALLED_INTERVAL_MS: positiveInt(30_000),
  MAX_STALLED_COUNT: positiveInt(3),
  MAX_HANDBACK_WAIT_MS: positiveInt(300_000),
  REAPER_GRACE_MS: positiveInt(60_000),
  REAPER_INTERVAL_MS: positiveInt(10_000),
  DEADLINE_SWEEP_MS: positiveInt(1_000),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  // Production by default: a worker refuses a Redis without AOF; REQUIRE_AOF=false is the development opt-out.
  REQUIRE_AOF: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

/** Validated worker configuration. */
export interface WorkerConfig {
  readonly redisUrl: string;
  /** Seeds of a Redis Cluster (REDIS_CLUSTER_NODES); empty for one Redis server at `redisUrl`. */
  readonly redisClusterNodes: readonly string[];
  /** Required when the process runs the reason or thread role. */
  readonly engineUrl: string | null;
  readonly roles: readonly WorkerRole[];
  readonly concurrency: Readonly<Record<WorkerRole, number>>;
  readonly machineId: string;
  readonly model: string;
  readonly keyPrefix: string;
  /** Lanes of the layout (LANES); lane 0 is `keyPrefix` itself. */
  readonly lanes: number;
  /** The lanes this process takes jobs from (WORKER_LANES, default every lane), ascending. */
  readonly workerLanes: readonly number[];
  readonly shutdownGraceMs: number;
  readonly engineTimeoutMs: number;
  /** Engine key, context override, prompt mode and sampling defaults. */
  readonly engine: EngineSettings;
  /** The engine's `--max-num-seqs`: when set, reason and thread jobs are placed by free engine capacity. */
  readonly engineMaxSeqs: number | null;
  readonly engineLoadPollMs: number;
  /**
   * How other machines' workers reach this machine's engine (ENGINE_ADVERTISE_URL). When set, a worker
   * whose placement picks another machine calls that machine's engine instead of handing the job back.
   */
  readonly engineAdvertiseUrl: string | null;
  /** With engineMaxSeqs: `prefix` (prefix-cache aware, capacity as the fallback) or `capacity` only. */
  readonly placementPolicy: PlacementPolicy;
  /** A job handed back for prefix affinity this long (since it was added) runs where it lands. */
  readonly affinityMaxWaitMs: number;
  /** Thread calls send vLLM `priority: -1` (needs `--scheduling-policy priority` on the engine). */
  readonly enginePriority: boolean;
  readonly retentionSeconds: number;
  /** Attempts per job kind and backoff (REASON_ATTEMPTS, THREAD_ATTEMPTS, JOIN_ATTEMPTS, RETRY_BACKOFF_MS). */
  readonly retry: RetryPolicy;
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
  readonly maxStalledCount: number;
  readonly requireAof: boolean;
  /** Longest a job is handed back (placement) or a thread waits for a concurrency slot before it runs or fails. */
  readonly maxHandBackWaitMs: number;
  /** A live request untouched this long with no job left to move it is settled as failed. */
  readonly reaperGraceMs: number;
  readonly reaperIntervalMs: number;
  /** How often a request whose deadline passed while its next job waited in a queue is settled as expired. */
  readonly deadlineSweepMs: number;
  /** Port of this process's Prometheus `/metrics`; 0 = not served. */
  readonly metricsPort: number;
}

/** Result of parsing the environment; never throws. */
export type WorkerConfigResult = { ok: true; value: WorkerConfig } | { ok: false; issues: string[] };

/** Parses and validates the worker environment; each issue names the offending variable. */
export function parseWorkerConfig(env: Readonly<Record<string, string | undefined>>): WorkerConfigResult {
  const parsed = workerEnvSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  }
  const e = parsed.data;
  const needsEngine = e.WORKER_ROLES.some((role) => role !== 'join');
  if (needsEngine && e.ENGINE_URL === undefined) {
    return { ok: false, issues: ['ENGINE_URL: required when WORKER_ROLES includes reason or thread'] };
  }
  const layoutIssues = laneLayoutIssues(e.KEY_PREFIX, e.LANES);
  if (layoutIssues.length > 0) return { ok: false, issues: layoutIssues };
  const workerLanes = parseLaneList(e.WORKER_LANES, e.LANES);
  if (!workerLanes.ok) return workerLanes;
  return {
    ok: true,
    value: {
      redisUrl: e.REDIS_URL,
      redisClusterNodes: e.REDIS_CLUSTER_NODES,
      engineUrl: e.ENGINE_URL ?? null,
      roles: [...new Set(e.WORKER_ROLES)],
      concurrency: { reason: e.REASON_CONCURRENCY, thread: e.THREAD_CONCURRENCY, join: e.JOIN_CONCURRENCY },
      machineId: e.MACHINE_ID,
      model: e.MODEL_NAME,
      keyPrefix: e.KEY_PREFIX,
      lanes: e.LANES,
      workerLanes: workerLanes.value,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      engineTimeoutMs: e.ENGINE_TIMEOUT_MS,
      engine: toEngineSettings(e),
      engineMaxSeqs: e.ENGINE_MAX_SEQS ?? null,
      engineLoadPollMs: e.ENGINE_LOAD_POLL_MS,
      engineAdvertiseUrl: e.ENGINE_ADVERTISE_URL ?? null,
      placementPolicy: e.PLACEMENT_POLICY,
      affinityMaxWaitMs: e.PLACEMENT_AFFINITY_MAX_WAIT_MS,
      enginePriority: e.ENGINE_PRIORITY,
      retentionSeconds: e.RETENTION_SECONDS,
      retry: toRetryPolicy(e),
      lockDurationMs: e.LOCK_DURATION_MS,
      stalledIntervalMs: e.STALLED_INTERVAL_MS,
      maxStalledCount: e.MAX_STALLED_COUNT,
      requireAof: e.REQUIRE_AOF,
      maxHandBackWaitMs: e.MAX_HANDBACK_WAIT_MS,
      reaperGraceMs: e.REAPER_GRACE_MS,
      reaperIntervalMs: e.REAPER_INTERVAL_MS,
      deadlineSweepMs: e.DEADLINE_SWEEP_MS,
      metricsPort: e.METRICS_PORT,
    },
  };
}
