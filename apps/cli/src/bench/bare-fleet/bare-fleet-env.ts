import { DEFAULT_RETRY_POLICY } from '@threadloom/contracts';

/** How the bench tells a bare-fleet worker process what to be (environment variables, all strings). */
export interface BareFleetEnv {
  readonly BARE_REDIS_URL: string;
  readonly BARE_PREFIX: string;
  /** `child` runs the flows' children, `join` their parents. */
  readonly BARE_ROLE: 'child' | 'join';
  readonly BARE_CONCURRENCY: string;
  /** When set (child role), each child streams one completion from this engine: the thread's work. */
  readonly BARE_ENGINE_URL?: string;
  readonly BARE_MODEL?: string;
  /** JSON array of the thread requests to replay, one per child index. */
  readonly BARE_THREAD_REQUESTS?: string;
}

/** Queue names of the bare flows (under the rig's own prefix). */
export const BARE_QUEUES = { child: 'bare-thread', join: 'bare-join' } as const;

/** The line a bare-fleet worker prints once its BullMQ worker is ready. */
export const BARE_READY_LINE = 'bare worker ready';

/** Job options shared with the runtime's thread jobs: retries with backoff, removal on completion. */
export const BARE_JOB_OPTIONS = {
  attempts: DEFAULT_RETRY_POLICY.attempts.thread,
  backoff: { type: 'exponential', delay: DEFAULT_RETRY_POLICY.backoffMs },
  removeOnComplete: true,
} as const;
