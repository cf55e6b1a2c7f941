import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { RemoteApi } from './remote-api.js';

/** One message of a request's event stream. */
interface RequestEvent {
  readonly id: string | undefined;
  readonly type: string;
}

/**
 * Reads `GET /v1/reasoning/:id/events` until the server ends it (after the terminal event), passing
 * each message on; `after` resumes after an event id already seen.
 */
export async function readRequestEvents(
  api: RemoteApi,
  requestId: string,
  after: string | undefined,
  onEvent: (event: RequestEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await api.open('GET', `/v1/reasoning/${encodeURIComponent(requestId)}/events`, {
    headers: { accept: 'text/event-stream', ...(after === undefined ? {} : { 'last-event-id': after }) },
    signal,
  });
  if (response.body === null) return;
  const messages = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  for await (const message of messages) {
    const type = message.event ?? typeOfData(message.data);
    if (type !== undefined) onEvent({ id: message.id, type });
  }
}

function typeOfData(data: string): string | undefined {
  try {
    const parsed = JSON.parse(data) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}
