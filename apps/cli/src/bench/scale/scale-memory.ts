import { setTimeout as sleep } from 'node:timers/promises';
import { readRedisUsage } from '@threadloom/devstack';
import { allLanes, lanePrefix, QUEUE_NAMES } from '@threadloom/contracts';
import type { RedisClient, RedisReasoningClient } from '@threadloom/queue';
import { Queue } from 'bullmq';
import { ScaleBenchError } from './scale-bench.error.js';
import { awaitCompleted, submitProblem } from './scale-load.js';
import type { MemorySample } from './scale-sample.js';

/** Σ used_memory over `masters`. */
async function usedMemory(masters: readonly string[]): Promise<number> {
  const readings = await Promise.all(masters.map((node) => readRedisUsage(node)));
  return readings.reduce((sum, reading) => sum + reading.usedMemory, 0);
}

/**
 * Redis memory per request at its fork: the thread queues of every lane are paused (BullMQ's own pause),
 * `requests` are submitted and decoded up to their fork, and used_memory is read once all their thread jobs
 * wait; then the queues resume, the requests complete, and what stays is read again.
 */
export async function measureMemory(
  client: RedisReasoningClient,
  connection: RedisClient,
  target: { readonly masters: readonly string[]; readonly keyPrefix: string; readonly lanes: number },
  problem: { readonly text: string; readonly threads: number },
  requests: number,
): Promise<MemorySample> {
  const queues = allLanes(target.lanes).map(
    (lane) => new Queue(QUEUE_NAMES.thread, { connection, prefix: lanePrefix(target.keyPrefix, lane) }),
  );
  try {
    const before = await usedMemory(target.masters);
    await Promise.all(queues.map((queue) => queue.pause()));
    const ids = await Promise.all(Array.from({ length: requests }, () => submitProblem(client, problem.text)));
    await waitForQueued(queues, requests * problem.threads);
    const inFlight = await usedMemory(target.masters);
    await Promise.all(queues.map((queue) => queue.resume()));
    await awaitCompleted(client, ids);
    const retained = await usedMemory(target.masters);
    return { requests, inFlightBytes: inFlight - before, retainedBytes: retained - before };
  } finally {
    await Promise.all(queues.map((queue) => queue.resume().finally(() => queue.close())));
  }
}

async function waitForQueued(queues: readonly Queue[], expected: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(queues.map((queue) => queue.getJobCounts('waiting', 'prioritized')));
    const queued = counts.reduce((sum, count) => sum + (count['waiting'] ?? 0) + (count['prioritized'] ?? 0), 0);
    if (queued >= expected) return;
    if (Date.now() > deadline) throw new ScaleBenchError(`only ${queued} of ${expected} thread jobs reached the queue`);
    await sleep(200);
  }
}
