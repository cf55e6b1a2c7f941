import type { WorkerRole } from '@threadloom/contracts';
import { DelayedError, type Job, type Processor } from 'bullmq';
import type { JobPlacer } from './job-placer.js';
import { notePlacement } from './placement-notes.js';

/** How long a job handed back by a full engine's worker waits before it can be fetched again. */
const HAND_BACK_DELAY_MS = 20;

/**
 * Engine work goes through placement: a worker that is not the place for a job (its engine is full
 * while another has room, or another machine holds the request's prefix and is cheaper) hands the job
 * back to the queue (delayed briefly, not failed: no attempt is spent). A job added more than
 * `maxWaitMs` ago is not handed back again: it runs where it landed, so stale or optimistic load
 * reports cannot bounce it for ever.
 */
export function placed(
  role: WorkerRole,
  processor: Processor,
  placer: JobPlacer | undefined,
  maxWaitMs: number,
  onHandBack: () => void = () => undefined,
): Processor {
  if (placer === undefined || role === 'join') return processor;
  return async (job: Job, token?: string): Promise<unknown> => {
    const waitedMs = Date.now() - job.timestamp;
    if (waitedMs >= maxWaitMs) {
      notePlacement(job, { run: true, reason: 'wait-cap', cachedTokens: 0 });
      return (await processor(job, token)) as unknown;
    }
    const { requestId } = job.data as { requestId?: unknown };
    if (typeof requestId !== 'string') return (await processor(job, token)) as unknown;
    const choice = await placer.place({ requestId, role, waitedMs });
    if (choice.run) {
      notePlacement(job, choice);
      return (await processor(job, token)) as unknown;
    }
    onHandBack();
    await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
    throw new DelayedError();
  };
}
