import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_MODEL,
  IdempotencyConflictError,
  type ReasoningClient,
  type ReasoningEvent,
  type ReasoningSubmission,
  type RequestView,
} from '@threadloom/contracts';
import type { Principal } from '../auth/principal.js';
import { BacklogFullError } from '../common/errors/backlog-full.error.js';
import { ResourceNotFoundError } from '../common/errors/resource-not-found.error.js';
import { ResultWaitTimeoutError } from '../common/errors/wait-timeout.error.js';
import { ValidationFailedError } from '../common/errors/validation-failed.error.js';
import { checkIdempotencyKey } from '../common/pipes/idempotency-key.js';
import { parseOrThrow } from '../common/pipes/zod-issues.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { BacklogGate } from '../limits/backlog-gate.service.js';
import { ServedContext } from '../limits/served-context.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { RECENT_INDEX, type RecentIndex } from '../recent/recent-index.js';
import { REASONING_CLIENT } from './reasoning-client.token.js';
import { reasoningRequestSchema } from './reasoning-request.schema.js';
import { promptOf, toSubmission } from './to-submission.js';
import { withAnswer } from './with-answer.js';

const REQUEST_ID = /^[\w-]{1,128}$/;

/** Reasoning requests on behalf of a tenant: validation, admission, ownership. */
@Injectable()
export class ReasoningService {
  private readonly schema;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(REASONING_CLIENT) private readonly client: ReasoningClient,
    private readonly gate: BacklogGate,
    private readonly metrics: MetricsService,
    private readonly context: ServedContext,
    @Inject(RECENT_INDEX) private readonly recent: RecentIndex,
  ) {
    this.schema = reasoningRequestSchema(config);
  }

  /** Validates a native body and submits it. */
  async submitBody(principal: Principal, body: unknown, idempotencyKey: string | undefined): Promise<RequestView> {
    const request = this.validated(() => parseOrThrow(this.schema, body));
    const key = this.validated(() => checkIdempotencyKey(idempotencyKey));
    return this.submit(toSubmission(promptOf(request), request, principal.tenant, this.defaultModel), key);
  }

  /** Admits and submits an already validated submission. */
  async submit(submission: ReasoningSubmission, idempotencyKey?: string): Promise<RequestView> {
    try {
      await this.context.check(submission);
    } catch (error) {
      this.metrics.submission('invalid');
      throw error;
    }
    try {
      await this.gate.admit();
    } catch (error) {
      if (error instanceof BacklogFullError) this.metrics.submission('backlog_full');
      throw error;
    }
    try {
      const view = await this.client.submit(submission, idempotencyKey === undefined ? {} : { idempotencyKey });
      this.gate.confirm();
      this.metrics.submission('accepted');
      await this.recent.record('request', view.tenant, view.id, view.createdAt);
      return view;
    } catch (error) {
      this.gate.release();
      this.metrics.submission(error instanceof IdempotencyConflictError ? 'conflict' : 'error');
      throw error;
    }
  }

  /** The caller's request, or {@link ResourceNotFoundError} (also for another tenant's). */
  async get(principal: Principal, id: string): Promise<RequestView> {
    const view = REQUEST_ID.test(id) ? await this.client.get(id) : undefined;
    if (!view || view.tenant !== principal.tenant) throw new ResourceNotFoundError('reasoning request', id);
    return withAnswer(view);
  }

  /** The caller's most recent requests (batch lines excluded), newest first; expired ones are skipped. */
  async recentRequests(principal: Principal, limit: number): Promise<RequestView[]> {
    const ids = await this.recent.list('request', principal.tenant, limit);
    const views = await Promise.all(ids.map((id) => this.client.get(id)));
    return views.filter((view): view is RequestView => view?.tenant === principal.tenant).map(withAnswer);
  }

  /** Cancels the caller's request; terminal requests are returned unchanged. */
  async cancel(principal: Principal, id: string): Promise<RequestView> {
    await this.get(principal, id);
    const view = await this.client.cancel(id);
    if (!view) throw new ResourceNotFoundError('reasoning request', id);
    return withAnswer(view);
  }

  /** Progress events of the caller's request after `afterId`. */
  async events(
    principal: Principal,
    id: string,
    afterId: string | undefined,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ReasoningEvent>> {
    await this.get(principal, id);
    return this.client.events(id, { ...(afterId !== undefined && { afterId }), signal });
  }

  /** Waits for a terminal state (used by the OpenAI facade). */
  async waitForResult(id: string, signal: AbortSignal): Promise<RequestView> {
    const timeout = AbortSignal.timeout(this.config.waitTimeoutMs);
    try {
      return withAnswer(await this.client.waitForResult(id, { signal: AbortSignal.any([signal, timeout]) }));
    } catch (error) {
      if (timeout.aborted && !signal.aborted) throw new ResultWaitTimeoutError(id, this.config.waitTimeoutMs);
      throw error;
    }
  }

  get defaultModel(): string {
    return this.config.models[0] ?? DEFAULT_MODEL;
  }

  private validated<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof ValidationFailedError) this.metrics.submission('invalid');
      throw error;
    }
  }
}
