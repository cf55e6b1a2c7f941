import type { WorkerRole } from '@threadloom/contracts';
import { DelayedError, type Job, type Processor } from 'bullmq';
import type { EnginePlacement } from './engine-placement.js';

/** How long a job handed back by a full engine's worker waits before it can be fetched again. */
const HAND_BACK_DELAY_MS = 20;

/**
 * Engine work goes through placement: a worker whose engine is full hands the job back to the queue
 * (delayed briefly, not failed: no attempt is spent) while another machine's engine has room. A job
 * added more than `maxWaitMs` ago is not handed back again: it runs where it landed, so stale or
 * optimistic load reports cannot bounce it for ever.
 */
export function placed(
  role: WorkerRole,
  processor: Processor,
  placement: EnginePlacement | undefined,
  maxWaitMs: number,
  onHandBack: () => void = () => undefined,
): Processor {
  if (placement === undefined || role === 'join') return processor;
  return async (job: Job, token?: string): Promise<unknown> => {
    if (Date.now() - job.timestamp >= maxWaitMs || placement.admit()) return (await processor(job, token)) as unknown;
    onHandBack();
    await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
    throw new DelayedError();
  };
}
