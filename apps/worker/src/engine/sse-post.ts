import http from 'node:http';
import https from 'node:https';
import { APIError } from 'openai';

/**
 * Idle keep-alive sockets are dropped after 4 s, before a server's usual 5 s keep-alive timeout
 * (uvicorn, Node), so a request is not sent on a socket the engine is closing. The agent destroys
 * only free sockets on timeout; a quiet stream in progress is left alone.
 */
const IDLE_SOCKET_MS = 4_000;

/** One keep-alive pool per protocol for the process: engine calls reuse warm sockets. */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
} as const;

/**
 * POSTs JSON and calls `onData` with every parsed `data:` payload of the server-sent-event reply
 * (until `[DONE]`). Plain node:http on a keep-alive agent: the openai SDK's fetch and web-stream SSE
 * path cost ~4× the CPU per short completion, which the fork/join hot path pays on every thread.
 * Non-2xx replies throw the SDK's APIError for that status, so error classification is unchanged.
 */
export function postServerSentEvents(url: URL, body: string, headers: Readonly<Record<string, string>>, signal: AbortSignal, onData: (data: unknown) => void): Promise<void> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<void>((resolve, reject) => {
    const request = transport.request(url, {
      method: 'POST', agent: AGENTS[url.protocol === 'https:' ? 'https:' : 'http:'], signal,
      headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      response.setEncoding('utf8');
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        collect(response, (text) => reject(httpError(status, text)), reject);
        return;
      }
      const lines = new SseLines(onData);
      response.on('data', (chunk: string) => {
        try {
          lines.push(chunk);
        } catch (error) {
          response.destroy(error as Error);
        }
      });
      response.on('end', resolve);
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Splits a text stream into lines and hands on each `data:` payload, parsed; a stream `error` payload throws. */
class SseLines {
  private pending = '';
  private readonly onData: (data: unknown) => void;

  constructor(onData: (data: unknown) => void) {
    this.onData = onData;
  }

  push(chunk: string): void {
    const text = this.pending + chunk;
    const last = text.lastIndexOf('\n');
    this.pending = text.slice(last + 1);
    if (last < 0) return;
    for (const raw of text.slice(0, last).split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!line.startsWith('data:')) continue;
      const payload = line.slice(line.startsWith('data: ') ? 6 : 5);
      if (payload === '[DONE]') continue;
      const data = JSON.parse(payload) as { error?: unknown };
      // As the SDK does: an error event inside a 200 stream is an APIError without status (transient).
      if (data.error !== undefined) throw new APIError(undefined, data.error as object, 'engine stream error', new Headers());
      this.onData(data);
    }
  }
}

function collect(response: http.IncomingMessage, done: (text: string) => void, fail: (error: Error) => void): void {
  let text = '';
  response.on('data', (chunk: string) => { text += chunk; });
  response.on('end', () => done(text));
  response.on('error', fail);
}

function httpError(status: number, text: string): APIError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = (parsed as { error?: unknown } | undefined)?.error ?? parsed ?? text;
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : text;
  return APIError.generate(status, error, message, new Headers());
}
