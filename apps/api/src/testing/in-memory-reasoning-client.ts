import { randomUUID } from 'node:crypto';
import {
  IdempotencyConflictError,
  type ReasoningClient,
  type ReasoningEvent,
  type ReasoningSubmission,
  type RequestView,
} from '@threadloom/contracts';
import { resultMetricsFixture } from './result-metrics.fixture.js';

/**
 * One scripted progress event. `response`, when set, is the request's response so far that a worker
 * committed (as its checkpoint) before appending this event.
 */
interface ScriptEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly response?: string;
}

/** A scripted completion: the events it emits and its final text. */
export interface Script {
  readonly events: readonly ScriptEvent[];
  readonly text: string;
}

/** Stores a committed response where the API's progress reader finds it (the checkpoint key). */
type CommitResponse = (requestId: string, response: string) => Promise<void>;

/** Test double of the runtime for Nest HTTP specs: completes every request at once with `script`. */
export class InMemoryReasoningClient implements ReasoningClient {
  readonly submissions: ReasoningSubmission[] = [];
  private readonly views = new Map<string, RequestView>();
  private readonly streams = new Map<string, (ReasoningEvent & { response?: string })[]>();
  private readonly keys = new Map<string, { id: string; body: string }>();

  constructor(
    private readonly script: Script,
    private readonly commit: CommitResponse = () => Promise.resolve(),
  ) {}

  submit(submission: ReasoningSubmission, options: { idempotencyKey?: string } = {}): Promise<RequestView> {
    const tenant = submission.tenant ?? 'default';
    const scoped = options.idempotencyKey === undefined ? undefined : `${tenant}:${options.idempotencyKey}`;
    const body = JSON.stringify(submission);
    const previous = scoped === undefined ? undefined : this.keys.get(scoped);
    if (previous && previous.body !== body)
      return Promise.reject(new IdempotencyConflictError(options.idempotencyKey!, previous.id));
    if (previous) return Promise.resolve(this.views.get(previous.id)!);
    const id = randomUUID();
    if (scoped !== undefined) this.keys.set(scoped, { id, body });
    this.submissions.push(submission);
    const now = Date.now();
    const events = [{ type: 'queued', data: {} }, ...this.script.events, { type: 'completed', data: {} }].map(
      (event, index) => ({ id: `${now}-${index}`, at: now, ...event }),
    );
    this.streams.set(id, events);
    const result = {
      text: this.script.text,
      answer: null,
      metrics: resultMetricsFixture(30, 20, 12),
      blocks: [],
      termination: 'eos',
      engineRequests: 3,
    };
    this.views.set(id, { id, tenant, status: 'completed', createdAt: now, updatedAt: now + 5, result });
    return Promise.resolve({ id, tenant, status: 'queued', createdAt: now, updatedAt: now });
  }

  get(id: string): Promise<RequestView | undefined> {
    return Promise.resolve(this.views.get(id));
  }

  cancel(id: string): Promise<RequestView | undefined> {
    return Promise.resolve(this.views.get(id));
  }

  async *events(id: string, options: { afterId?: string } = {}): AsyncIterable<ReasoningEvent> {
    const all = this.streams.get(id) ?? [];
    const start = options.afterId === undefined ? 0 : all.findIndex((event) => event.id === options.afterId) + 1;
    for (const { response, ...event } of all.slice(start)) {
      if (response !== undefined) await this.commit(id, response);
      yield event;
    }
  }

  async waitForResult(id: string): Promise<RequestView> {
    return Promise.resolve(this.views.get(id)!);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
