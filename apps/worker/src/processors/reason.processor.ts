import { reasonJobSchema, type ReasonJobData } from '@threadloom/contracts';
import { afterSequential, terminateOrchestration } from '@threadloom/threading';
import type { Job } from 'bullmq';
import { mapEngineError } from '../engine/map-engine-error.js';
import { ContextFullError, RequestAbortedError } from '@threadloom/engine-client';
import { engineCallIdentity, tokenExactPrompt } from '../engine/engine-call.js';
import { publicEngineError } from '../engine/public-engine-error.js';
import type { Checkpoint } from '@threadloom/queue';
import { commitStep, performEffects } from '../runtime/commit-step.js';
import { isFinalAttempt } from '../runtime/final-attempt.js';
import { jobAttributes, runEventData, startRun, type JobRun } from '../runtime/job-run.js';
import { openJobScope } from '../runtime/job-scope.js';
import { observedCompletion } from '../runtime/tracing.js';
import { inJobSpan, type TraceCarrier } from '@threadloom/telemetry';
import { loadJob, pastDeadline, type RequestContext } from '../runtime/request-context.js';
import type { RuntimeDeps } from '../runtime/runtime-deps.js';
import type { JobOutcome } from './job-outcome.js';
import { placementFields, placementOf } from '../placement/placement-notes.js';
import { routedFrom } from '../engine/routed-from.js';

/** One sequential step on the local engine, then the next action (decode, fork or done). */
export async function processReason(deps: RuntimeDeps, job: Job<ReasonJobData>): Promise<JobOutcome> {
  const { requestId, step, trace } = reasonJobSchema.parse(job.data);
  const effects = (priority: number | undefined) => ({ priority, trace });
  const loaded = await loadJob(deps.store, requestId);
  if (loaded === undefined) return 'inactive';
  const { context, checkpoint, revision } = loaded;
  if (checkpoint.version === step + 1) {
    await performEffects(deps, requestId, checkpoint, effects(context.priority));
    return 'replayed';
  }
  if (checkpoint.version !== step || checkpoint.action.type !== 'decode') return 'stale';
  if (pastDeadline(context)) {
    await deps.finisher.expired(requestId, checkpoint.state);
    return 'expired';
  }
  if (context.status === 'queued') await deps.store.transition(requestId, 'running', { startedAt: String(Date.now()) });
  const run = await startRun(job);
  const queueWaitMs = Math.max(0, (job.processedOn ?? Date.now()) - job.timestamp);
  const attributes = {
    ...jobAttributes({ job, requestId, machine: deps.config.machineId, run, queueWaitMs }),
    'threadloom.step': step,
  };
  return inJobSpan('reason', { parent: trace, attributes }, (traced) =>
    decodeStep(deps, job, { run, context, checkpoint, revision, trace: traced?.carrier }),
  );
}

/** A reason job's step as decodeStep runs it; `trace` is the job span's carrier (undefined when untraced). */
interface StepRun {
  readonly run: JobRun;
  readonly context: RequestContext;
  readonly checkpoint: Checkpoint;
  /** The checkpoint's revision stamp: the step is saved only while it is still the stored one. */
  readonly revision: string | undefined;
  readonly trace: TraceCarrier | undefined;
}

async function decodeStep(
  deps: RuntimeDeps,
  job: Job<ReasonJobData>,
  { run, context, checkpoint, revision, trace }: StepRun,
): Promise<JobOutcome> {
  const { requestId, step } = job.data;
  if (checkpoint.action.type !== 'decode' || deps.engines === null) return 'stale';
  const target = deps.engines.target(placementOf(job));
  const machine = target.machine;
  await deps.store.appendEvent(requestId, 'step_started', {
    step,
    machine,
    ...routedFrom(deps, machine),
    ...runEventData(run),
    ...placementFields(placementOf(job)),
  });
  const scope = openJobScope(deps.cancellations, requestId, job.id ?? requestId, context.deadlineAt);
  try {
    const request = checkpoint.action.request;
    const attributes = { 'threadloom.request_id': requestId, 'threadloom.step': step, 'threadloom.machine': machine };
    const call = {
      ...engineCallIdentity(context.parameters, deps.config.engine.samplingDefaults, {
        requestId,
        place: { kind: 'step', iteration: checkpoint.state.iteration },
        attempt: run.attempt - 1,
      }),
      ...tokenExactPrompt(deps.config.engine.promptMode, checkpoint.state, request),
    };
    const done = await observedCompletion(deps, target.client, request, call, scope.signal, {
      parent: trace,
      attributes,
    });
    const { result } = done;
    // This engine now holds the whole context: the step's prompt and what it decoded.
    await deps.prefixes?.served(requestId, (result.promptTokens ?? 0) + result.completionTokens, machine);
    await deps.store.appendEvent(requestId, 'step_finished', {
      step,
      machine,
      completionTokens: result.completionTokens,
      cachedTokens: result.cachedTokens ?? 0,
      timeToFirstTokenMs: done.timeToFirstTokenMs,
      decodeMs: done.decodeMs,
      finishReason: result.finishReason,
    });
    await commitStep(deps, requestId, { version: step, revision }, afterSequential(checkpoint.state, result), {
      priority: context.priority,
      trace: job.data.trace,
    });
    return 'done';
  } catch (error) {
    if (error instanceof ContextFullError) return endOnFullContext(deps, job, { context, checkpoint, revision }, error);
    return handleFailure(deps, job, checkpoint, error);
  } finally {
    scope.dispose();
  }
}

/** The context is full: the request ends like the reference's guard (termination `context`, finish `length`). */
async function endOnFullContext(
  deps: RuntimeDeps,
  job: Job<ReasonJobData>,
  { context, checkpoint, revision }: Pick<StepRun, 'context' | 'checkpoint' | 'revision'>,
  error: ContextFullError,
): Promise<JobOutcome> {
  const step = terminateOrchestration(checkpoint.state, 'context', error.message);
  await commitStep(deps, job.data.requestId, { version: job.data.step, revision }, step, {
    priority: context.priority,
    trace: job.data.trace,
  });
  return 'done';
}

async function handleFailure(
  deps: RuntimeDeps,
  job: Job<ReasonJobData>,
  checkpoint: Checkpoint,
  error: unknown,
): Promise<JobOutcome> {
  const { requestId } = job.data;
  if (error instanceof RequestAbortedError) {
    if (error.reason === 'cancelled') deps.metrics.cancellations.inc();
    if (error.reason !== 'deadline') return 'aborted';
    await deps.finisher.expired(requestId, checkpoint.state);
    return 'expired';
  }
  const mapped = mapEngineError(error);
  if (isFinalAttempt(job, mapped)) {
    const { code, message } = publicEngineError(error);
    await deps.finisher.engineFailed(
      requestId,
      checkpoint.state,
      `sequential step ${job.data.step} failed: ${message}`,
      code,
    );
  }
  throw mapped;
}
