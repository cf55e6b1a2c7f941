// A Server-Sent Events reader over fetch (parsed by eventsource-parser), for asserting on the API's event streams.
import { EventSourceParserStream } from 'eventsource-parser/stream';

export interface SseMessage {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}

/** Reads an event stream to its end (or until `stopWhen` matches); comments are skipped. */
export async function readSse(
  url: string,
  headers: Record<string, string>,
  stopWhen: (message: SseMessage) => boolean = () => false,
): Promise<{ status: number; messages: SseMessage[] }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const messages: SseMessage[] = [];
  if (!response.body) return { status: response.status, messages };
  const parsed = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  try {
    for await (const { id, event, data } of parsed) {
      const message = { ...(id !== undefined && { id }), ...(event !== undefined && { event }), data };
      messages.push(message);
      if (stopWhen(message)) return { status: response.status, messages };
    }
  } finally {
    controller.abort();
  }
  return { status: response.status, messages };
}
