import { isTerminalStatus, type ReasoningResult, type RequestStatus } from '@threadloom/contracts';
import { ApiRequestError } from './api-request.error.js';

/** Body of `POST /v1/reasoning` as the CLI sends it (snake_case, as on the wire). */
export interface ApiReasoningBody {
  readonly prompt: string;
  readonly mode?: 'parallel' | 'sequential';
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The parts of a request's wire form the CLI reads. */
export interface ApiRequestView {
  readonly id: string;
  readonly status: RequestStatus;
  readonly result?: ReasoningResult;
  readonly error?: string;
}

/** One Server-Sent Event of a request: its type, time and payload. */
export interface ApiEvent {
  readonly type: string;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A small client of the threadloom API (`/v1/reasoning`) for the CLI's demo, `run --distributed` and benchmarks. */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly apiKey: string;

  constructor(baseUrl: string, apiKey: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.apiKey = apiKey;
  }

  /** Submits one request (202). */
  async submit(body: ApiReasoningBody): Promise<ApiRequestView> {
    return (await this.call('POST', '/v1/reasoning', body)) as ApiRequestView;
  }

  async get(id: string): Promise<ApiRequestView> {
    return (await this.call('GET', `/v1/reasoning/${encodeURIComponent(id)}`)) as ApiRequestView;
  }

  /** Every event of the request until it is terminal (the server ends the stream then), each also passed to `onEvent` as it arrives. */
  async events(id: string, signal?: AbortSignal, onEvent?: (event: ApiEvent) => void): Promise<ApiEvent[]> {
    const path = `/v1/reasoning/${encodeURIComponent(id)}/events`;
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers(), ...(signal === undefined ? {} : { signal }) });
    if (!response.ok || response.body === null) throw new ApiRequestError('GET', path, response.status, await response.text());
    const events: ApiEvent[] = [];
    let pending = '';
    for await (const chunk of response.body.pipeThrough(new TextDecoderStream())) {
      pending += chunk;
      const end = pending.lastIndexOf('\n\n');
      if (end < 0) continue;
      for (const event of parseEvents(pending.slice(0, end))) {
        events.push(event);
        onEvent?.(event);
      }
      pending = pending.slice(end + 2);
    }
    return events;
  }

  /** Follows the event stream, then reads the request; retries until it is terminal or time runs out. */
  async waitForResult(id: string, timeoutMs: number): Promise<ApiRequestView> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      await this.events(id, signal).catch(() => undefined);
      const view = await this.get(id);
      if (isTerminalStatus(view.status) || signal.aborted) return view;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method, headers: this.headers(), ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new ApiRequestError(method, path, response.status, text);
    return JSON.parse(text) as unknown;
  }
}

/** Parses an SSE body: `event:` and `data:` lines, blank-line separated; comments ignored. */
export function parseEvents(body: string): ApiEvent[] {
  return body.split('\n\n').flatMap((frame) => {
    const data = frame.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
    if (data === '') return [];
    try {
      const parsed = JSON.parse(data) as { type?: unknown; at?: unknown } & Record<string, unknown>;
      if (typeof parsed.type !== 'string' || typeof parsed.at !== 'number') return [];
      return [{ type: parsed.type, at: parsed.at, data: parsed }];
    } catch {
      return [];
    }
  });
}
