// Calls the API with the key in the Authorization header. The event stream is read with fetch and a
// stream reader (EventSource cannot send headers, and a key in a URL ends up in access logs).

const KEY_NAME = 'threadloom.apiKey';

/** Raised for a 401/403 so the page can ask for a key again. */
export class UnauthorizedError extends Error {
  name = 'UnauthorizedError';
}

export const storedKey = () => sessionStorage.getItem(KEY_NAME);
export const storeKey = (key) => sessionStorage.setItem(KEY_NAME, key);
export const forgetKey = () => sessionStorage.removeItem(KEY_NAME);

function headers(extra = {}) {
  return { Authorization: `Bearer ${storedKey() ?? ''}`, ...extra };
}

/** GET a JSON resource of the API. */
export async function getJson(path) {
  const response = await fetch(path, { headers: headers() });
  if (response.status === 401 || response.status === 403) throw new UnauthorizedError(`${response.status}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function parseMessage(block) {
  const message = { id: undefined, event: undefined, data: [] };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') message.id = value;
    else if (field === 'event') message.event = value;
    else if (field === 'data') message.data.push(value);
  }
  return message.data.length === 0 ? undefined : { ...message, data: JSON.parse(message.data.join('\n')) };
}

async function readStream(path, lastId, onEvent, signal) {
  const extra = lastId === undefined ? {} : { 'Last-Event-ID': lastId };
  const response = await fetch(path, { headers: headers(extra), signal });
  if (response.status === 401 || response.status === 403) throw new UnauthorizedError(`${response.status}`);
  if (!response.ok || !response.body) throw new Error(`${path}: HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return lastId;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const message = parseMessage(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (message === undefined) continue;
      lastId = message.id ?? lastId;
      onEvent({ id: message.id, type: message.event ?? message.data.type, ...message.data });
    }
  }
}

/**
 * Follows a request's events until its terminal event (the server then ends the stream). A broken
 * connection resumes after the last event seen, with Last-Event-ID, like EventSource would.
 */
export async function followEvents(id, onEvent, signal) {
  const path = `/v1/reasoning/${encodeURIComponent(id)}/events`;
  let lastId;
  let finished = false;
  const track = (event) => {
    if (['completed', 'failed', 'cancelled', 'expired'].includes(event.type)) finished = true;
    onEvent(event);
  };
  while (!finished && !signal.aborted) {
    try {
      lastId = await readStream(path, lastId, track, signal);
      if (!finished) finished = true; // the server ended the stream: the request is terminal
    } catch (error) {
      if (error instanceof UnauthorizedError || signal.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}
