import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { DriverEvent } from './reasoning-driver.js';

/**
 * Passes on each event of a `/v1/reasoning/:id/events` body (Server-Sent Events, parsed by
 * `eventsource-parser`) with its `id`, so a reader can resume after it; comments and messages whose
 * data is not an event are skipped.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: DriverEvent) => void,
): Promise<void> {
  const messages = body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const message of messages) {
    const event = toEvent(message.id, message.data);
    if (event !== undefined) onEvent(event);
  }
}

function toEvent(id: string | undefined, data: string): DriverEvent | undefined {
  try {
    const parsed = JSON.parse(data) as { type?: unknown; at?: unknown } & Record<string, unknown>;
    if (typeof parsed.type !== 'string' || typeof parsed.at !== 'number') return undefined;
    return { ...(id !== undefined && { id }), type: parsed.type, at: parsed.at, data: parsed };
  } catch {
    return undefined;
  }
}
