import { isTerminalStatus, type ReasoningEvent } from '@threadloom/contracts';
import type { Redis } from 'ioredis';
import type { RequestStore } from '../store/request-store.js';

const BLOCK_MS = 500;

/**
 * Yields a request's events after `afterId` until a terminal event or the signal aborts. Uses its own
 * connection: XREAD BLOCK would otherwise stall every other command of the client.
 */
export async function* streamEvents(
  redis: Redis,
  store: RequestStore,
  id: string,
  options: { afterId?: string; signal?: AbortSignal },
): AsyncGenerator<ReasoningEvent> {
  const reader = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  reader.on('error', () => undefined);
  let cursor = options.afterId ?? '0-0';
  try {
    while (options.signal?.aborted !== true) {
      const events = await store.readEvents(id, cursor, BLOCK_MS, reader);
      for (const event of events) {
        cursor = event.id;
        yield event;
        if (isTerminalStatus(event.type)) return;
      }
      if (events.length === 0 && (await store.view(id)) === undefined) return;
    }
  } finally {
    reader.disconnect();
  }
}
