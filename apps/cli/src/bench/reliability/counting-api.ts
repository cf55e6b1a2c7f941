import { setTimeout as sleep } from 'node:timers/promises';
import { isTerminalStatus, type RequestView } from '@threadloom/contracts';

/** An HTTP client of the API that counts every status it sees (5xx included) and never throws on one. */
export class CountingApi {
  /** Responses by HTTP status; network errors under 0. */
  readonly statuses = new Map<number, number>();
  private readonly baseUrl: string;
  private readonly apiKey: string;

  constructor(baseUrl: string, apiKey: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.apiKey = apiKey;
  }

  /** A client of the same API and key whose statuses are counted apart (e.g. probes expecting 503). */
  apart(): CountingApi {
    return new CountingApi(this.baseUrl, this.apiKey);
  }

  /** HTTP answers ≥ 500 so far. */
  serverErrors(): number {
    let total = 0;
    for (const [status, count] of this.statuses) if (status >= 500) total += count;
    return total;
  }

  /** Any call: the status, headers and parsed JSON body (undefined when not JSON or on a network error). */
  async call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown; headers: Headers | undefined }> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      this.count(response.status);
      const text = await response.text();
      return { status: response.status, body: parseJson(text), headers: response.headers };
    } catch {
      this.count(0);
      return { status: 0, body: undefined, headers: undefined };
    }
  }

  /** POST /v1/reasoning; the new request's id on 202. */
  async submit(body: Readonly<Record<string, unknown>>): Promise<{ status: number; id: string | undefined }> {
    const { status, body: view } = await this.call('POST', '/v1/reasoning', body);
    const id = status === 202 ? (view as { id?: unknown } | undefined)?.id : undefined;
    return { status, id: typeof id === 'string' ? id : undefined };
  }

  /** GET /v1/reasoning/:id, or undefined when it did not answer 200. */
  async get(id: string): Promise<RequestView | undefined> {
    const { status, body } = await this.call('GET', `/v1/reasoning/${encodeURIComponent(id)}`);
    return status === 200 ? (body as RequestView) : undefined;
  }

  /** Polls every id until it is terminal, the deadline passes or `signal` aborts; the last view of each id. */
  async awaitTerminal(
    ids: readonly string[],
    options: { timeoutMs: number; signal?: AbortSignal; pollMs?: number },
  ): Promise<Map<string, RequestView | undefined>> {
    const views = new Map<string, RequestView | undefined>(ids.map((id) => [id, undefined]));
    const deadline = Date.now() + options.timeoutMs;
    let pending = [...ids];
    while (pending.length > 0 && Date.now() < deadline && options.signal?.aborted !== true) {
      for (let start = 0; start < pending.length; start += 16) {
        await Promise.all(
          pending.slice(start, start + 16).map(async (id) => {
            const view = await this.get(id);
            if (view !== undefined) views.set(id, view);
          }),
        );
      }
      pending = pending.filter((id) => !isTerminalStatus(views.get(id)?.status ?? 'queued'));
      if (pending.length > 0) await sleep(options.pollMs ?? 500);
    }
    return views;
  }

  private count(status: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
