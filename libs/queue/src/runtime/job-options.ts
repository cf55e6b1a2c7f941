import type { JobKind, RetryPolicy } from '@threadloom/contracts';
import type { JobsOptions } from 'bullmq';

/** Retry and retention knobs shared by every job the runtime adds. */
export interface JobPolicy {
  readonly retry: RetryPolicy;
  readonly retentionSeconds: number;
}

/** Retries with exponential backoff (the system's one retry layer); finished jobs removed, failures kept for inspection. */
export function retryingJob(policy: JobPolicy, kind: JobKind, jobId: string, priority?: number): JobsOptions {
  return {
    jobId,
    attempts: policy.retry.attempts[kind],
    backoff: { type: 'exponential', delay: policy.retry.backoffMs, jitter: 0.2 },
    removeOnComplete: true,
    removeOnFail: { age: policy.retentionSeconds },
    ...(priority === undefined ? {} : { priority }),
  };
}

/**
 * A thread child: after its last attempt the failure is recorded on the join parent and the join
 * still runs (`ignoreDependencyOnFailure`), so a parent never waits forever; the join applies
 * the request's onThreadFailure policy.
 */
export function threadChildJob(policy: JobPolicy, jobId: string, priority?: number): JobsOptions {
  return { ...retryingJob(policy, 'thread', jobId, priority), ignoreDependencyOnFailure: true };
}
