import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReasoningEvent, RequestView } from '@threadloom/contracts';
import { RedisReasoningClient } from '@threadloom/queue';
import type { TrajectoryMismatch } from './batch-checks.js';

/** Event lines printed per mismatched request: a short trajectory is ~60 events, a faulted one a few more. */
const TIMELINE_LINES = 120;
/** A settled request's stream ends after its terminal event; this bounds the read should that event be gone. */
const READ_EVENTS_TIMEOUT_MS = 10_000;

/**
 * Writes what explains each mismatch (both texts, the final view, the whole event stream) to a JSON file
 * and returns printable lines: the file, then the first mismatched request's event timeline. A rare
 * mismatch under load is not reproduced on demand, so the run that saw it must say how it came about.
 */
export async function reportMismatches(
  where: { readonly redisUrl: string; readonly keyPrefix: string },
  mismatches: readonly TrajectoryMismatch[],
  texts: { readonly views: ReadonlyMap<string, RequestView | undefined>; readonly reference: (id: string) => string },
): Promise<string[]> {
  if (mismatches.length === 0) return [];
  const client = new RedisReasoningClient({ redisUrl: where.redisUrl, keyPrefix: where.keyPrefix });
  try {
    await client.connect();
    const requests = [];
    for (const { id, diff } of mismatches) {
      const events = await storedEvents(client, id);
      requests.push({ id, diff, reference: texts.reference(id), view: texts.views.get(id), events });
    }
    const file = join(mkdtempSync(join(tmpdir(), 'threadloom-mismatch-')), 'mismatches.json');
    writeFileSync(file, JSON.stringify(requests, null, 2));
    const first = requests[0]!;
    return [`texts, views and events in ${file}`, `events of ${first.id}:`, ...timeline(first.events)];
  } catch (error) {
    return [`events unavailable: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    await client.close();
  }
}

/** Every stored event of a settled request, oldest first. */
async function storedEvents(client: RedisReasoningClient, id: string): Promise<ReasoningEvent[]> {
  const events: ReasoningEvent[] = [];
  for await (const event of client.events(id, { signal: AbortSignal.timeout(READ_EVENTS_TIMEOUT_MS) }))
    events.push(event);
  return events;
}

/** `+1234 ms thread_finished block=2 thread=1.3 machine=m1 attempt=2` per event, times from the first. */
function timeline(events: readonly ReasoningEvent[]): string[] {
  const start = events[0]?.at ?? 0;
  const lines = events.slice(0, TIMELINE_LINES).map((event) => {
    const fields = Object.entries(event.data).map(([name, value]) => `${name}=${compact(value)}`);
    return `  +${Math.round(event.at - start)} ms ${event.type} ${fields.join(' ')}`.trimEnd();
  });
  if (events.length > TIMELINE_LINES) lines.push(`  … ${events.length - TIMELINE_LINES} more`);
  return lines;
}

function compact(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
