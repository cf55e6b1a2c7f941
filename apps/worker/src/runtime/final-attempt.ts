import { UnrecoverableError, type Job } from 'bullmq';

/** True when BullMQ will not retry after this (mapped) error: unrecoverable, or attempts used up. */
export function isFinalAttempt(job: Job, error: Error): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
