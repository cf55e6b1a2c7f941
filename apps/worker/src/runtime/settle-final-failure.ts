import type { WorkerRole } from '@threadloom/contracts';
import type { RequestFinisher } from '@threadloom/queue';
import type { Job } from 'bullmq';

/**
 * Settles the request of a reason or join job that BullMQ failed for good, whatever threw: the
 * processors settle engine failures themselves, but an error before their handling (an unreadable
 * checkpoint, a Redis error mid-join) used to leave the request `running` for ever. Thread failures
 * are left to their join, which runs anyway (ignoreDependencyOnFailure) and applies onThreadFailure.
 * Returns whether the request moved (false when it was already terminal).
 */
export async function settleFinalFailure(finisher: RequestFinisher, role: WorkerRole, job: Job): Promise<boolean> {
  if (role === 'thread' || job.finishedOn === undefined) return false; // still retrying
  const requestId = (job.data as { requestId?: unknown }).requestId;
  if (typeof requestId !== 'string') return false;
  const what = role === 'reason' ? 'sequential step' : 'join';
  // The error's own text (a parse error, a Redis reply) is logged by the caller, not shown to tenants.
  return finisher.lost(requestId, `${what} failed after ${job.attemptsMade} attempt(s)`, 'internal_error');
}
