import { z } from 'zod';

/** The kinds of job the runtime adds; each has its own attempts setting. */
export const JOB_KINDS = ['reason', 'thread', 'join'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** How the one retry layer (BullMQ) retries each kind of job. Producer and workers must agree. */
export interface RetryPolicy {
  /** Attempts per job kind, the first one included. */
  readonly attempts: Readonly<Record<JobKind, number>>;
  /** First backoff delay; doubles per attempt (20% jitter). */
  readonly backoffMs: number;
}

/** @defaultValue 5 attempts per kind, 1 s first backoff. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: { reason: 5, thread: 5, join: 5 },
  backoffMs: 1_000,
};

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The environment variables of the retry policy, one per job kind, read once at boot by every
 * process that adds jobs (API, worker, CLI); merge into a process's env schema.
 */
export const retryEnvShape = {
  REASON_ATTEMPTS: positiveInt(DEFAULT_RETRY_POLICY.attempts.reason),
  THREAD_ATTEMPTS: positiveInt(DEFAULT_RETRY_POLICY.attempts.thread),
  JOIN_ATTEMPTS: positiveInt(DEFAULT_RETRY_POLICY.attempts.join),
  RETRY_BACKOFF_MS: positiveInt(DEFAULT_RETRY_POLICY.backoffMs),
};

/** The policy from env values parsed with retryEnvShape. */
export function toRetryPolicy(env: {
  readonly REASON_ATTEMPTS: number;
  readonly THREAD_ATTEMPTS: number;
  readonly JOIN_ATTEMPTS: number;
  readonly RETRY_BACKOFF_MS: number;
}): RetryPolicy {
  return {
    attempts: { reason: env.REASON_ATTEMPTS, thread: env.THREAD_ATTEMPTS, join: env.JOIN_ATTEMPTS },
    backoffMs: env.RETRY_BACKOFF_MS,
  };
}

/** Parses the retry variables of an environment; never throws. */
export function parseRetryPolicy(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; value: RetryPolicy } | { ok: false; issues: string[] } {
  const parsed = z.object(retryEnvShape).safeParse(env);
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  return { ok: true, value: toRetryPolicy(parsed.data) };
}
