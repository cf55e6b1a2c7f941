import { isTerminalStatus } from '@threadloom/contracts';
import { mapLimited } from '@threadloom/threading';
import { jsonLines } from './jsonl-stream.js';
import type { RemoteApi } from './remote-api.js';
import { type ResultLine } from './result-line.js';
import { retryWhileBusy, type BusyListener } from './retry-busy.js';
import { followRequest, type PendingItem } from './request-follower.js';

/** How many request event streams are followed at once. */
const FOLLOWERS = 64;

/** What following batches reports. */
export interface FollowBatchesHooks {
  /** A finished request's line (already-written ones are filtered by the caller). */
  readonly onResult: (line: ResultLine) => void;
  readonly onThreads: (delta: number) => void;
  readonly onWait: BusyListener;
  /** Whether the request already has a line in the output. */
  readonly written: (requestId: string) => boolean;
}

/**
 * Reads a batch's results: finished lines go to `onResult`, the rest come back to be followed. A
 * stream that breaks off is read again (lines already written are skipped).
 */
export function readBatchResults(
  api: RemoteApi,
  batchId: string,
  hooks: FollowBatchesHooks,
  signal: AbortSignal,
): Promise<PendingItem[]> {
  const path = `/v1/batches/${encodeURIComponent(batchId)}/results`;
  const readOnce = async (): Promise<PendingItem[]> => {
    const response = await api.open('GET', path, { signal });
    const pending: PendingItem[] = [];
    if (response.body === null) return pending;
    try {
      for await (const raw of jsonLines(response.body)) {
        const line = JSON.parse(raw) as ResultLine;
        if (hooks.written(line.id)) continue;
        if (isTerminalStatus(line.status)) hooks.onResult(line);
        else pending.push(pendingItemOf(line));
      }
    } catch (error) {
      throw api.brokenBody(error, signal);
    }
    return pending;
  };
  return retryWhileBusy(readOnce, hooks.onWait, signal);
}

const pendingItemOf = (line: ResultLine): PendingItem => ({
  requestId: line.id,
  customId: line.custom_id,
  ...(line.ground_truth !== undefined && { groundTruth: line.ground_truth }),
});

/** Follows every pending request, at most {@link FOLLOWERS} at a time, in order. */
export async function followAll(
  api: RemoteApi,
  items: readonly PendingItem[],
  hooks: FollowBatchesHooks,
  signal: AbortSignal,
): Promise<void> {
  await mapLimited(items, FOLLOWERS, async (item) => {
    if (!signal.aborted) hooks.onResult(await followRequest(api, item, hooks, signal));
  });
}
