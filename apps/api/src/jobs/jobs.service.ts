import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IdempotencyConflictError, isTerminalStatus, type ReasoningClient } from '@threadloom/contracts';
import { mapLimited } from '@threadloom/threading';
import type { Principal } from '../auth/principal.js';
import { ResourceNotFoundError } from '../common/errors/resource-not-found.error.js';
import { checkIdempotencyKey } from '../common/pipes/idempotency-key.js';
import { BacklogGate } from '../limits/backlog-gate.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { REASONING_CLIENT } from '../reasoning/reasoning-client.token.js';
import type { JobKind, JobRecord, JobStore } from './job-record.js';

/** How many runtime calls one job operation keeps in flight. */
export const JOB_PARALLELISM = 32;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A new job's id (and body hash under an Idempotency-Key), or the job an earlier call with that key created. */
type JobStart<R> = { readonly replay: R } | { readonly id: string; readonly bodyHash?: string };

/**
 * What batches and rollouts share: idempotent ids, admission of all members at once with all-or-nothing
 * submission, tenant-checked loading, and cancelling the members still in flight.
 */
@Injectable()
export class JobsService {
  constructor(
    @Inject(REASONING_CLIENT) private readonly client: ReasoningClient,
    private readonly gate: BacklogGate,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * With an Idempotency-Key the id derives from tenant and key, so a retry finds the job it created
   * (a different tenant or body under that id is a conflict); without one the id is random.
   */
  async start<R extends JobRecord>(
    kind: JobKind,
    store: JobStore<R>,
    principal: Principal,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<JobStart<R>> {
    const key = checkIdempotencyKey(idempotencyKey);
    if (key === undefined) return { id: `${kind}_${randomUUID().replaceAll('-', '')}` };
    const id = `${kind}_${sha256(`${principal.tenant}\n${key}`).slice(0, 32)}`;
    const bodyHash = sha256(JSON.stringify(body));
    const existing = await store.load(id);
    if (existing === undefined) return { id, bodyHash };
    if (existing.tenant !== principal.tenant || existing.bodyHash !== bodyHash)
      throw new IdempotencyConflictError(key, id);
    return { replay: existing };
  }

  /**
   * Admits `count` requests at once, then runs `submit`, which pushes each request id it submits onto
   * `submitted`. All or nothing: if it fails, what was submitted is cancelled and `undo` runs, so a job
   * that could not be submitted whole leaves no orphans running.
   */
  async submitAdmitted<T>(
    count: number,
    submit: (submitted: string[]) => Promise<T>,
    undo: () => Promise<unknown> = () => Promise.resolve(),
  ): Promise<T> {
    await this.gate.admit(count).catch((error: unknown) => {
      this.metrics.submission('backlog_full', count);
      throw error;
    });
    const submitted: string[] = [];
    const result = await submit(submitted).catch(async (error: unknown) => {
      this.gate.release(count);
      await mapLimited(submitted, JOB_PARALLELISM, (id) => this.client.cancel(id)).catch(() => undefined);
      await undo().catch(() => undefined);
      throw error;
    });
    this.gate.confirm(count);
    this.metrics.submission('accepted', count);
    return result;
  }

  /** The caller's job record, or 404 (also for another tenant's job, indistinguishably). */
  async load<R extends JobRecord>(kind: JobKind, store: JobStore<R>, principal: Principal, id: string): Promise<R> {
    const record = new RegExp(`^${kind}_[\\w-]{1,64}$`).test(id) ? await store.load(id) : undefined;
    if (!record || record.tenant !== principal.tenant) throw new ResourceNotFoundError(kind, id);
    return record;
  }

  /**
   * Marks the job cancelled, then cancels each of its requests that is still queued or running. A job
   * with none left in flight has finished: cancelling it changes nothing, as for a finished request.
   */
  async cancel<R extends JobRecord>(store: JobStore<R>, record: R, requestIds: readonly string[]): Promise<R> {
    const views = await mapLimited(requestIds, JOB_PARALLELISM * 4, (id) => this.client.get(id));
    const live = requestIds.filter((_id, index) => {
      const status = views[index]?.status;
      return status !== undefined && !isTerminalStatus(status);
    });
    if (live.length === 0) return record;
    const cancelled: R = { ...record, cancelledAt: record.cancelledAt ?? Date.now() };
    await store.save(cancelled);
    await mapLimited(live, JOB_PARALLELISM, (id) => this.client.cancel(id));
    return cancelled;
  }
}
