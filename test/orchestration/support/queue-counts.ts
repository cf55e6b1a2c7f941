// Reads BullMQ job counts of the runtime's queues under a prefix: proof that nothing is stuck.
import { Queue } from 'bullmq';

const STUCK_STATES = ['waiting', 'active', 'delayed', 'waiting-children', 'prioritized'] as const;

/** Jobs not yet finished, summed over reason, thread and join. */
export async function unfinishedJobs(redisUrl: string, prefix: string): Promise<number> {
  let total = 0;
  for (const name of ['reason', 'thread', 'join']) {
    const queue = new Queue(name, { connection: { url: redisUrl }, prefix });
    const counts = await queue.getJobCounts(...STUCK_STATES);
    total += Object.values(counts).reduce((sum, count) => sum + count, 0);
    await queue.close();
  }
  return total;
}
