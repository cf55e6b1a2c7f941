import { isTerminalStatus } from '@threadloom/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiCallError } from './api-call.error.js';
import { readRequestEvents } from './event-stream.js';
import type { RemoteApi } from './remote-api.js';
import { resultLineOf, type RemoteRequestView, type ResultLine } from './result-line.js';
import { retryWhileBusy, type BusyListener } from './retry-busy.js';

/** A request of a batch that has not finished yet. */
export interface PendingItem {
  readonly requestId: string;
  readonly customId: string;
  readonly groundTruth?: string | readonly string[];
}

/** What following a request reports. */
interface FollowHooks {
  /** Threads of the request started (+1) or ended (−1). */
  readonly onThreads: (delta: number) => void;
  readonly onWait: BusyListener;
}

const THREAD_STARTS = new Set(['thread_started']);
const THREAD_ENDS = new Set(['thread_finished', 'thread_failed']);

/**
 * Follows a request's event stream (counting its threads in flight) until it finishes, then reads it
 * and returns its results line. A dropped stream is resumed after the last event seen.
 */
export async function followRequest(
  api: RemoteApi,
  item: PendingItem,
  hooks: FollowHooks,
  signal: AbortSignal,
): Promise<ResultLine> {
  let lastEventId: string | undefined;
  let running = 0;
  try {
    for (;;) {
      await readRequestEvents(
        api,
        item.requestId,
        lastEventId,
        (event) => {
          lastEventId = event.id ?? lastEventId;
          const delta = THREAD_STARTS.has(event.type) ? 1 : THREAD_ENDS.has(event.type) && running > 0 ? -1 : 0;
          running += delta;
          if (delta !== 0) hooks.onThreads(delta);
        },
        signal,
      ).catch(async (error: unknown) => {
        if (signal.aborted || isNotFound(error)) throw error;
        await sleep(1_000, undefined, { signal });
      });
      const view = await readView(api, item.requestId, hooks.onWait, signal);
      if (view === undefined || isTerminalStatus(view.status)) return resultLineOf(view, item);
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return resultLineOf(undefined, item);
  } finally {
    if (running > 0) hooks.onThreads(-running);
  }
}

async function readView(
  api: RemoteApi,
  requestId: string,
  onWait: BusyListener,
  signal: AbortSignal,
): Promise<RemoteRequestView | undefined> {
  const path = `/v1/reasoning/${encodeURIComponent(requestId)}`;
  try {
    return await retryWhileBusy(() => api.json<RemoteRequestView>('GET', path, { signal }), onWait, signal);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

const isNotFound = (error: unknown): boolean => error instanceof ApiCallError && error.status === 404;
