// Waiting on the runtime's per-request event streams (through the library client).
import type { ReasoningEvent } from '@threadloom/contracts';
import type { RedisReasoningClient } from '@threadloom/queue';

/** Resolves with the first event of any of `ids` that matches, or rejects after `timeoutMs`. */
export async function firstEvent(
  client: RedisReasoningClient,
  ids: readonly string[],
  matches: (event: ReasoningEvent) => boolean,
  timeoutMs = 30_000,
): Promise<{ id: string; event: ReasoningEvent }> {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]);
  try {
    return await Promise.any(
      ids.map(async (id) => {
        for await (const event of client.events(id, { signal })) {
          if (matches(event)) return { id, event };
        }
        throw new Error(`request ${id} ended without a matching event`);
      }),
    );
  } finally {
    controller.abort();
  }
}

/** Every event of a finished request, in order. */
export async function allEvents(client: RedisReasoningClient, id: string): Promise<ReasoningEvent[]> {
  const events: ReasoningEvent[] = [];
  for await (const event of client.events(id)) events.push(event);
  return events;
}
