// A minimal Server-Sent Events reader over fetch, for asserting on the API's event streams.

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
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = parseMessage(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!message) continue;
        messages.push(message);
        if (stopWhen(message)) return { status: response.status, messages };
      }
    }
  } finally {
    controller.abort();
  }
  return { status: response.status, messages };
}

function parseMessage(block: string): SseMessage | undefined {
  let id: string | undefined, event: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && id === undefined) return undefined;
  return { ...(id !== undefined && { id }), ...(event !== undefined && { event }), data: data.join('\n') };
}
