import { isTerminalStatus } from '@threadloom/contracts';
import { ApiRequestError } from './api-request.error.js';
import type { DriverEvent, DriverSubmission, DriverView, ReasoningDriver } from './reasoning-driver.js';

/** A small client of the threadloom API (`/v1/reasoning`) for the CLI's demo, `run --distributed` and benchmarks. */
export class ApiClient implements ReasoningDriver {
  private readonly baseUrl: string;
  private readonly apiKey: string;

  constructor(baseUrl: string, apiKey: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.apiKey = apiKey;
  }

  /** Submits one request (202). */
  async submit(submission: DriverSubmission): Promise<DriverView> {
    return (await this.call('POST', '/v1/reasoning', submission)) as DriverView;
  }

  async get(id: string): Promise<DriverView> {
    return (await this.call('GET', `/v1/reasoning/${encodeURIComponent(id)}`)) as DriverView;
  }

  /** Every event of the request until it is terminal (the server ends the stream then), each also passed to `onEvent` as it arrives. */
  async events(id: string, onEvent?: (event: DriverEvent) => void, signal?: AbortSignal): Promise<DriverEvent[]> {
    const path = `/v1/reasoning/${encodeURIComponent(id)}/events`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.headers(),
      ...(signal === undefined ? {} : { signal }),
    });
    if (!response.ok || response.body === null)
      throw new ApiRequestError('GET', path, response.status, await response.text());
    const events: DriverEvent[] = [];
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
  async waitForResult(id: string, timeoutMs: number): Promise<DriverView> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      await this.events(id, undefined, signal).catch(() => undefined);
      const view = await this.get(id);
      if (isTerminalStatus(view.status) || signal.aborted) return view;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Nothing to release: one fetch per call. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: this.headers(),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new ApiRequestError(method, path, response.status, text);
    return JSON.parse(text) as unknown;
  }
}

/** Parses an SSE body: `event:` and `data:` lines, blank-line separated; comments ignored. */
export function parseEvents(body: string): DriverEvent[] {
  return body.split('\n\n').flatMap((frame) => {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
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
