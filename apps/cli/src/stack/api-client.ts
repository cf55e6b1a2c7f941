import { isTerminalStatus } from '@threadloom/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiRequestError } from './api-request.error.js';
import { readEventStream } from './read-event-stream.js';
import type { DriverEvent, DriverSubmission, DriverView, ReasoningDriver } from './reasoning-driver.js';

/** Reconnects to an event stream that ended or dropped before its terminal event, each after the last event seen. */
const MAX_RESUMES = 3;

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

  /**
   * Every event of the request until it is terminal, each also passed to `onEvent` as it arrives. A
   * stream that ends early is resumed with `Last-Event-ID`, so no event is lost or seen twice.
   */
  async events(id: string, onEvent?: (event: DriverEvent) => void, signal?: AbortSignal): Promise<DriverEvent[]> {
    const events: DriverEvent[] = [];
    const collect = (event: DriverEvent): void => {
      events.push(event);
      onEvent?.(event);
    };
    for (let resumes = 0; ; resumes++) {
      try {
        await this.readEvents(id, events.at(-1)?.id, collect, signal);
      } catch (error) {
        // An error answer or a cancelled read is final; a dropped connection is resumed.
        if (error instanceof ApiRequestError || signal?.aborted === true || resumes === MAX_RESUMES) throw error;
        continue;
      }
      const last = events.at(-1);
      if ((last !== undefined && isTerminalStatus(last.type)) || resumes === MAX_RESUMES) return events;
    }
  }

  /** Follows the event stream, then reads the request; retries until it is terminal or time runs out. */
  async waitForResult(id: string, timeoutMs: number): Promise<DriverView> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      await this.events(id, undefined, signal).catch(() => undefined);
      const view = await this.get(id);
      if (isTerminalStatus(view.status) || signal.aborted) return view;
      await sleep(200);
    }
  }

  /** Nothing to release: one fetch per call. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' };
  }

  /** One connection to the request's event stream, after event `after` when given. */
  private async readEvents(
    id: string,
    after: string | undefined,
    onEvent: (event: DriverEvent) => void,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const path = `/v1/reasoning/${encodeURIComponent(id)}/events`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: {
        ...this.headers(),
        accept: 'text/event-stream',
        ...(after !== undefined && { 'last-event-id': after }),
      },
      ...(signal === undefined ? {} : { signal }),
    });
    if (!response.ok || response.body === null)
      throw new ApiRequestError('GET', path, response.status, await response.text());
    await readEventStream(response.body, onEvent);
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
