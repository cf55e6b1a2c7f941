import { isTerminalStatus, type ReasoningEvent } from '@threadloom/contracts';
import type { RedisClient } from '../redis/redis-client.js';
import type { RequestStore } from '../store/request-store.js';
import { compareStreamIds, toEvent } from '../store/stream-entry.js';
import type { EventStreamHub } from './event-stream-hub.js';

/** Without news for this long, a live stream checks whether its request ended or expired. */
const IDLE_CHECK_MS = 2_000;
const PAGE = 500;

/** What `events()` needs: the command connection, the store (keys, status) and the shared reader. */
interface EventSource {
  readonly redis: RedisClient;
  readonly store: RequestStore;
  readonly hub: EventStreamHub;
}

/**
 * Yields a request's events after `afterId` (`$`: only new ones) until a terminal event, the end of a
 * request that is already terminal (or gone), or the signal aborts. The stored events are read with
 * XRANGE; live ones come through the process's shared {@link EventStreamHub}, so an open stream holds
 * no RedisClient connection of its own.
 */
export async function* streamEvents(
  source: EventSource,
  id: string,
  options: { afterId?: string; signal?: AbortSignal },
): AsyncGenerator<ReasoningEvent> {
  const { store, hub } = source;
  const key = store.keys(id).events;
  let cursor = options.afterId === '$' ? await lastEventId(source.redis, key) : (options.afterId ?? '0-0');
  const arrived: ReasoningEvent[] = [];
  let wake: (() => void) | undefined;
  const stopWatching = hub.watch(key, cursor, (events) => {
    arrived.push(...events);
    wake?.();
  });
  const onAbort = () => wake?.();
  options.signal?.addEventListener('abort', onAbort);
  try {
    let check = true; // after the replay, and after each quiet spell: has the request ended?
    for (let replay = true; ; replay = false) {
      // Stored events first (a watcher may join a stream the hub already read past), then what arrives.
      const batch = replay
        ? [...(await eventsAfter(source.redis, key, cursor)), ...arrived.splice(0)]
        : arrived.splice(0);
      for (const event of batch) {
        if (compareStreamIds(event.id, cursor) <= 0) continue;
        cursor = event.id;
        yield event;
        if (isTerminalStatus(event.type)) return;
      }
      if (options.signal?.aborted === true) return;
      if (check && (await ended(store, id))) {
        // Ended (or expired) with no terminal event after the cursor: replay what is left, then close.
        for (const event of await eventsAfter(source.redis, key, cursor)) yield event;
        return;
      }
      check = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), IDLE_CHECK_MS);
        wake = () => {
          clearTimeout(timer);
          resolve(false);
        };
        if (arrived.length > 0 || options.signal?.aborted === true) wake();
      });
      wake = undefined;
    }
  } finally {
    stopWatching();
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function ended(store: RequestStore, id: string): Promise<boolean> {
  const status = await store.status(id);
  return status === undefined || isTerminalStatus(status);
}

/** Stored events strictly after `cursor`, oldest first. */
async function eventsAfter(redis: RedisClient, key: string, cursor: string): Promise<ReasoningEvent[]> {
  const events: ReasoningEvent[] = [];
  let from = cursor;
  for (;;) {
    const page = await redis.xrange(key, `(${from}`, '+', 'COUNT', PAGE);
    events.push(...page.map(([eventId, flat]) => toEvent(eventId, flat)));
    if (page.length < PAGE) return events;
    from = page.at(-1)![0];
  }
}

/** The id of the newest stored event (`0-0` when there is none), so `$` means "after what exists now". */
async function lastEventId(redis: RedisClient, key: string): Promise<string> {
  const [newest] = await redis.xrevrange(key, '+', '-', 'COUNT', 1);
  return newest?.[0] ?? '0-0';
}
