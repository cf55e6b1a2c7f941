import { randomBytes } from 'node:crypto';
import { DEFAULT_KEY_PREFIX, QUEUE_NAMES } from '@threadloom/contracts';
import type { ManagedProcess, RestartPolicy, SupervisedChild } from '@threadloom/devstack';
import { Queue } from 'bullmq';
import { INTERNAL_API_ENV } from '../../stack/api-stack.js';
import { startLocalStack, type LocalStack, type StackHooks } from '../../stack/local-stack.js';
import type { StackOptions } from '../../stack/stack-plan.js';
import { CountingApi } from './counting-api.js';

/** Retry policy of every process of a fault stack (API and workers must agree). */
const FAULT_RETRY_ENV: Readonly<Record<string, string>> = {
  REASON_ATTEMPTS: '8',
  THREAD_ATTEMPTS: '8',
  JOIN_ATTEMPTS: '8',
  RETRY_BACKOFF_MS: '100',
};

/**
 * Short locks so a killed worker's jobs are taken over within seconds, and a stall budget large enough
 * that one job surviving several kills is retried rather than failed (production keeps the defaults).
 */
const FAULT_WORKER_ENV: Readonly<Record<string, string>> = {
  ...FAULT_RETRY_ENV,
  LOCK_DURATION_MS: '2000',
  STALLED_INTERVAL_MS: '1000',
  MAX_STALLED_COUNT: '20',
  SHUTDOWN_GRACE_MS: '5000',
  ENGINE_TIMEOUT_MS: '30000',
  REAPER_GRACE_MS: '20000',
  REAPER_INTERVAL_MS: '2000',
  METRICS_PORT: '0',
};

/** Restarts quickly and often: a scenario kills the same process many times a minute on purpose. */
const FAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 100,
  maxDelayMs: 2_000,
  maxRestarts: 100,
  windowMs: 60_000,
};

/** A supervised local stack with its API, counted HTTP, and the worker children. */
export interface FaultStack {
  readonly stack: LocalStack;
  readonly api: CountingApi;
  /** The key prefix of the stack's Redis keys. */
  readonly keyPrefix: string;
  /** Supervised worker processes: one per machine (reason, thread), then the join worker. */
  readonly workers: readonly SupervisedChild<ManagedProcess>[];
  /** Jobs of the lane still waiting, active, delayed or waiting for children, by state. */
  unfinishedJobs(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** Options of a fault stack beyond the defaults (3 machines, time scale 0.05, fault timings). */
export type FaultStackOptions = Partial<Omit<StackOptions, 'apiPort' | 'apiKey'>>;

/** Starts Redis, simulated machines, supervised workers and the API, tuned for fault injection. */
export async function startFaultStack(options: FaultStackOptions = {}, hooks: StackHooks = {}): Promise<FaultStack> {
  const apiKey = `tl-${randomBytes(18).toString('base64url')}`;
  const stack = await startLocalStack(
    {
      machines: 3,
      timeScale: 0.05,
      seed: 7,
      restartPolicy: FAULT_RESTART_POLICY,
      ...options,
      workerEnv: { ...FAULT_WORKER_ENV, ...options.workerEnv },
      apiEnv: { ...INTERNAL_API_ENV, ...FAULT_RETRY_ENV, ...options.apiEnv },
      apiPort: 0,
      apiKey,
    },
    hooks,
  );
  const workers = stack.children.filter((child) => child.name.startsWith('worker'));
  const keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  return {
    stack,
    api: new CountingApi(stack.apiUrl ?? '', apiKey),
    keyPrefix,
    workers,
    unfinishedJobs: () => unfinishedJobs(stack.redisUrl, keyPrefix),
    stop: async () => {
      await stack.stop();
    },
  };
}

const UNFINISHED = ['waiting', 'active', 'delayed', 'waiting-children', 'prioritized'] as const;

async function unfinishedJobs(redisUrl: string, prefix: string): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (const name of Object.values(QUEUE_NAMES)) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    try {
      const counts = await queue.getJobCounts(...UNFINISHED);
      for (const [state, count] of Object.entries(counts)) totals[state] = (totals[state] ?? 0) + count;
    } finally {
      await queue.close();
    }
  }
  return totals;
}
