import type { ReasoningResult, RequestStatus } from '@threadloom/contracts';
import { endWorkflowSpan, tracingEnabled, type WorkflowTrace } from '@threadloom/telemetry';
import { terminateOrchestration, type OrchestratorState, type TerminationReason } from '@threadloom/threading';
import type { RequestStore } from '../store/request-store.js';
import type { StoredThread } from '../store/stored-thread.js';
import { buildResult } from './build-result.js';
import type { AfterSettle, SettleObserver } from './settled-request.js';

/** Termination reasons that make a finished run a failed request. */
const FAILING: ReadonlySet<TerminationReason> = new Set(['thread_failed', 'engine_error']);

/** Moves requests to their terminal status with the (partial) result, one event, and the retention TTL. */
export class RequestFinisher {
  private readonly store: RequestStore;
  private readonly retentionSeconds: number;
  private readonly observer: SettleObserver | undefined;
  private readonly afterSettle: AfterSettle | undefined;

  /** `afterSettle` runs once per request this finisher moved to a terminal state (rollout groups mark themselves). */
  constructor(store: RequestStore, retentionSeconds: number, observer?: SettleObserver, afterSettle?: AfterSettle) {
    this.store = store;
    this.retentionSeconds = retentionSeconds;
    this.observer = observer;
    this.afterSettle = afterSettle;
  }

  /** A state the machine finished: completed, or failed for thread/engine failures. */
  async finished(requestId: string, state: OrchestratorState): Promise<void> {
    const reason = state.termination?.reason ?? 'eos';
    const failed = FAILING.has(reason);
    const error = failed ? (state.termination?.message ?? describe(state)) : undefined;
    await this.settle(requestId, failed ? 'failed' : 'completed', state, error, failed ? reason : undefined);
  }

  /** A sequential step failed for good: failed, keeping the trajectory so far. */
  async engineFailed(requestId: string, state: OrchestratorState, message: string, code: string): Promise<void> {
    await this.terminate(requestId, state, 'failed', 'engine_error', message, code);
  }

  /** The deadline passed: expired, keeping the trajectory so far. */
  async expired(requestId: string, state: OrchestratorState): Promise<void> {
    await this.terminate(requestId, state, 'expired', 'aborted', 'deadline exceeded', 'deadline_exceeded');
  }

  /**
   * The request's work is gone for good (a job's final failure outside the engine path, or the reaper
   * found no job left): failed with `message`, keeping the trajectory when the checkpoint is readable.
   */
  async lost(requestId: string, message: string, code = 'request_lost'): Promise<boolean> {
    const state = await this.store.loadCheckpoint(requestId).then(
      (checkpoint) => checkpoint?.state,
      () => undefined, // an unreadable checkpoint is one way to get here: settle without a trajectory
    );
    if (state === undefined) return this.settleBare(requestId, 'failed', message, code);
    return this.terminate(requestId, state, 'failed', 'engine_error', message, code);
  }

  /** Cancelled by a producer: cancelled, keeping the trajectory so far. Returns whether it moved. */
  async cancelled(requestId: string, state: OrchestratorState): Promise<boolean> {
    return this.terminate(requestId, state, 'cancelled', 'aborted', 'cancelled', 'cancelled');
  }

  /** Ends a run the machine did not finish: its state terminated with `reason`, settled as `status`. */
  private terminate(
    requestId: string,
    state: OrchestratorState,
    status: RequestStatus,
    reason: TerminationReason,
    message: string,
    code: string,
  ): Promise<boolean> {
    return this.settle(requestId, status, terminateOrchestration(state, reason, message).state, message, code);
  }

  private async settle(
    requestId: string,
    status: RequestStatus,
    state: OrchestratorState,
    error: string | undefined,
    code: string | undefined,
  ): Promise<boolean> {
    // A request that ends any other way than completed ends without its trajectory when a stored thread
    // cannot be read, rather than staying live: a join that failed on it would fail here again for ever.
    const threads =
      status === 'completed' ? await this.store.allThreads(requestId) : await this.readableThreads(requestId);
    if (threads === undefined)
      return this.settleBare(
        requestId,
        status,
        error ?? 'its stored threads could not be read',
        code ?? 'internal_error',
      );
    const result = buildResult(state, threads);
    const finishedAt = Date.now();
    const fields: Record<string, string> = { result: JSON.stringify(result), finishedAt: String(finishedAt) };
    if (error !== undefined) fields['error'] = error;
    if (code !== undefined) fields['errorCode'] = code;
    if (!(await this.store.transition(requestId, status, fields))) return false;
    await this.store.appendEvent(requestId, status, {
      termination: result.termination,
      ...(error === undefined ? {} : { error }),
      ...(code === undefined ? {} : { code }),
    });
    await this.store.expire(requestId, this.retentionSeconds);
    await this.report(requestId, status, result, threads, finishedAt, error);
    await this.afterSettle?.(requestId);
    return true;
  }

  /** Every stored thread of the request, or undefined when one is not readable JSON (Redis errors still throw). */
  private async readableThreads(requestId: string): Promise<Record<string, StoredThread> | undefined> {
    return this.store.allThreads(requestId).catch((error: unknown) => {
      if (error instanceof SyntaxError) return undefined;
      throw error;
    });
  }

  /** Moves the request to `status` with `error` and `code` but no result: its state could not be read. */
  private async settleBare(requestId: string, status: RequestStatus, error: string, code: string): Promise<boolean> {
    const fields = { error, errorCode: code, finishedAt: String(Date.now()) };
    if (!(await this.store.transition(requestId, status, fields))) return false;
    await this.store.appendEvent(requestId, status, { error, code });
    await this.store.expire(requestId, this.retentionSeconds);
    await this.afterSettle?.(requestId);
    return true;
  }

  /** Metrics and the request's workflow span; only reads the record when someone listens. */
  private async report(
    requestId: string,
    status: RequestStatus,
    result: ReasoningResult,
    threads: Readonly<Record<string, StoredThread>>,
    finishedAt: number,
    error: string | undefined,
  ): Promise<void> {
    const tracing = tracingEnabled();
    if (this.observer === undefined && !tracing) return;
    const [created, trace] = await this.store.fields(requestId, ['createdAt', 'trace']);
    const createdAt = created === undefined ? undefined : Number(created);
    this.observer?.({ requestId, status, result, threads, createdAt, finishedAt });
    if (!tracing || trace === undefined || createdAt === undefined) return;
    const { metrics } = result;
    endWorkflowSpan(
      JSON.parse(trace) as WorkflowTrace,
      createdAt,
      {
        'threadloom.request_id': requestId,
        'threadloom.status': status,
        'threadloom.termination': result.termination,
        'gen_ai.usage.input_tokens': metrics.promptTokens,
        'gen_ai.usage.output_tokens': metrics.completionTokens,
        'threadloom.critical_path_tokens': metrics.criticalPathTokens,
        'threadloom.blocks': metrics.blocks,
      },
      status === 'completed' ? undefined : (error ?? status),
    );
  }
}

function describe(state: OrchestratorState): string {
  const termination = state.termination;
  if (termination === null) return 'failed';
  return termination.thread === undefined ? termination.reason : `${termination.reason}: thread ${termination.thread}`;
}
