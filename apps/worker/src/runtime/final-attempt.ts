import type { Job } from 'bullmq';
import { isUnrecoverable } from '../engine/map-engine-error.js';

/** True when BullMQ will not retry after this error: unrecoverable, or attempts used up. */
export function isFinalAttempt(job: Job, error: Error): boolean {
  return isUnrecoverable(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
