import { threadJobSchema, type ThreadJobData } from '@threadloom/contracts';
import { buildThreadRequest } from '@threadloom/threading';
import { DelayedError, type Job } from 'bullmq';
import { ContextFullError, type TimedCompletion } from '@threadloom/engine-client';
import { engineCallIdentity, tokenExactPrompt } from '../engine/engine-call.js';
import { mapEngineError } from '../engine/map-engine-error.js';
import { publicEngineError } from '../engine/public-engine-error.js';
import { SlotWaitExceededError } from '../engine/slot-wait-exceeded.error.js';
import { RequestAbortedError } from '@threadloom/engine-client';
import { storedThreadResult, type Checkpoint, type StoredThread } from '@threadloom/queue';
import { isFinalAttempt } from '../runtime/final-attempt.js';
import { jobAttributes, runEventData, startRun, type JobRun } from '../runtime/job-run.js';
import { openJobScope } from '../runtime/job-scope.js';
import { observedCompletion } from '../runtime/tracing.js';
import type { EngineTarget } from '../engine/engine-pool.js';
import { routedFrom } from '../engine/routed-from.js';
import { inJobSpan, type TraceCarrier } from '@threadloom/telemetry';
import { loadJob, pastDeadline, type RequestContext } from '../runtime/request-context.js';
import type { RuntimeDeps } from '../runtime/runtime-deps.js';
import type { JobOutcome } from './job-outcome.js';
import { placementAttributes, placementFields, placementOf } from '../placement/placement-notes.js';

/** vLLM priority of thread calls with ENGINE_PRIORITY: ahead of fresh sequential work (default 0). */
const THREAD_PRIORITY = -1;

/** How long a thread waits before asking again for one of its request's concurrency slots. */
const SLOT_RETRY_MS = 50;

/** One branch of a fork block on the local engine; its result goes to the request store (idempotent). */
export async function processThread(
  deps: RuntimeDeps,
  job: Job<ThreadJobData>,
  token: string | undefined,
): Promise<JobOutcome> {
  const data = threadJobSchema.parse(job.data);
  const loaded = await loadJob(deps.store, data.requestId, { block: data.block, index: data.index });
  if (loaded === undefined) return 'inactive';
  const { context, checkpoint, revision } = loaded;
  const { action } = checkpoint;
  const held: HeldFork = { context, checkpoint, fork: revision };
  if (action.type !== 'fork' || action.blockIndex !== data.block) return 'stale';
  if (loaded.thread?.status === 'completed') return 'replayed';
  const limit = context.parameters.maxConcurrentThreads;
  if (limit === undefined) return decodeThread(deps, job, held);
  const slot = job.id ?? `${data.block}-${data.index}`;
  const leaseMs = deps.config.lockDurationMs * 2;
  if (!(await deps.store.acquireSlot(data.requestId, slot, leaseMs, limit)))
    return waitForSlot(deps, job, token, { ...held, limit });
  // Renew the lease while decoding; a crashed holder's lease lapses and frees the slot.
  const renew = setInterval(
    () => void deps.store.acquireSlot(data.requestId, slot, leaseMs, limit).catch(() => undefined),
    leaseMs / 3,
  );
  try {
    return await decodeThread(deps, job, held);
  } finally {
    clearInterval(renew);
    await deps.store.releaseSlot(data.requestId, slot);
  }
}

/**
 * No slot free: ask again shortly, but not for ever. Past the request's deadline the request expires;
 * past MAX_HANDBACK_WAIT_MS (counted from the fork) the thread fails for good, naming the wait.
 */
async function waitForSlot(
  deps: RuntimeDeps,
  job: Job<ThreadJobData>,
  token: string | undefined,
  held: HeldFork & { limit: number },
): Promise<JobOutcome> {
  if (pastDeadline(held.context)) {
    await deps.finisher.expired(job.data.requestId, held.checkpoint.state);
    return 'expired';
  }
  const waited = Date.now() - job.data.enqueuedAt;
  if (waited >= deps.config.maxHandBackWaitMs) {
    const reason = `thread ${job.data.number} waited ${waited} ms for a concurrency slot (maxConcurrentThreads=${held.limit})`;
    const run = { run: await startRun(job), startedAt: Date.now(), machine: deps.config.machineId, fork: held.fork };
    return handleFailure(deps, job, run, new SlotWaitExceededError(reason));
  }
  await job.moveToDelayed(Date.now() + SLOT_RETRY_MS, token);
  throw new DelayedError();
}

async function decodeThread(
  deps: RuntimeDeps,
  job: Job<ThreadJobData>,
  { context, checkpoint, fork }: HeldFork,
): Promise<JobOutcome> {
  const { requestId, block, index, number, trace } = job.data;
  if (deps.engines === null) return 'stale';
  const placement = placementOf(job);
  const target = deps.engines.target(placement);
  const machine = target.machine;
  const run = await startRun(job);
  const startedAt = Date.now();
  const attributes = {
    ...placementAttributes(placement),
    ...jobAttributes({ job, requestId, machine, run, queueWaitMs: startedAt - job.data.enqueuedAt }),
    'threadloom.block': block,
    'threadloom.thread': number,
    'threadloom.thread_index': index,
  };
  return inJobSpan('thread', { parent: trace, attributes }, async (traced) => {
    await deps.store.appendEvent(requestId, 'thread_started', {
      block,
      thread: number,
      machine,
      ...routedFrom(deps, machine),
      ...runEventData(run),
      ...placementFields(placement),
    });
    const scope = openJobScope(deps.cancellations, requestId, job.id ?? requestId, context.deadlineAt);
    const inFlight = deps.metrics.threadsInFlight.labels({ machine });
    inFlight.inc();
    try {
      const done = await threadCompletion(
        deps,
        job,
        { target, attempt: run.attempt - 1, context, checkpoint, trace: traced?.carrier },
        scope.signal,
      );
      const saved = await saveCompleted(
        deps,
        job,
        { run, startedAt, checkpoint, machine, fork },
        done,
        traced?.carrier,
      );
      return saved ? 'done' : 'stale';
    } catch (error) {
      return handleFailure(deps, job, { run, startedAt, machine, fork }, error);
    } finally {
      inFlight.dec();
      scope.dispose();
    }
  });
}

/**
 * A thread whose prompt fills the served context generates nothing and stops at `length`: the join
 * force-closes it and ends the request (thread_length), as a thread that ran out of context would.
 */
/** The thread's engine call (engine priority with ENGINE_PRIORITY); records the prefix this engine now holds. */
async function threadCompletion(
  deps: RuntimeDeps,
  job: Job<ThreadJobData>,
  { target, attempt, context, checkpoint, trace }: ThreadCall,
  signal: AbortSignal,
): Promise<TimedCompletion> {
  const { requestId, block, number } = job.data;
  const request = buildThreadRequest(checkpoint.state, number);
  const engineAttributes = {
    'threadloom.request_id': requestId,
    'threadloom.block': block,
    'threadloom.thread': number,
  };
  const call = {
    ...engineCallIdentity(context.parameters, deps.config.engine.samplingDefaults, {
      requestId,
      place: { kind: 'thread', block, thread: number },
      // A re-run after a stall is a new engine call too: its own request id.
      attempt,
    }),
    ...tokenExactPrompt(deps.config.engine.promptMode, checkpoint.state, request),
  };
  const priority = deps.config.enginePriority ? THREAD_PRIORITY : undefined;
  const traced = { parent: trace, attributes: engineAttributes };
  const done = await observedCompletion(deps, target.client, request, call, signal, traced, priority).catch(
    (error: unknown) => {
      if (error instanceof ContextFullError) return contextFull(error);
      throw error;
    },
  );
  if (done.result.completionTokens > 0)
    await deps.prefixes?.served(requestId, done.result.promptTokens ?? 0, target.machine);
  return done;
}

function contextFull(error: ContextFullError): TimedCompletion {
  const result = { text: '', finishReason: 'length' as const, stopReason: null, completionTokens: 0 };
  return { result: { ...result, promptTokens: error.promptTokens }, timeToFirstTokenMs: 0, decodeMs: 0 };
}

async function saveCompleted(
  deps: RuntimeDeps,
  job: Job<ThreadJobData>,
  threadRun: ThreadRun & { checkpoint: Checkpoint },
  done: TimedCompletion,
  span: TraceCarrier | undefined,
): Promise<boolean> {
  const { requestId, block, index, number } = job.data;
  const { run, machine, checkpoint, fork } = threadRun;
  const thread: StoredThread = {
    number,
    status: 'completed',
    ...storedThreadResult(done.result, checkpoint.state.units),
    ...runRecord(job, threadRun),
    timeToFirstTokenMs: done.timeToFirstTokenMs,
    decodeMs: done.decodeMs,
    ...(span === undefined ? {} : { span: span.traceparent }),
  };
  const { metrics } = deps;
  metrics.threads.inc({ outcome: 'completed' });
  metrics.threadQueueWait.observe(thread.queueWaitMs / 1000);
  metrics.timeToFirstToken.observe(done.timeToFirstTokenMs / 1000);
  metrics.decode.observe(done.decodeMs / 1000);
  const data = {
    block,
    thread: number,
    machine,
    attempt: run.attempt,
    completionTokens: done.result.completionTokens,
    cachedTokens: done.result.cachedTokens ?? 0,
    timeToFirstTokenMs: done.timeToFirstTokenMs,
    decodeMs: done.decodeMs,
    finishReason: done.result.finishReason,
  };
  return deps.store.putThreadWithEvent(requestId, { block, index, fork }, thread, { type: 'thread_finished', data });
}

async function handleFailure(
  deps: RuntimeDeps,
  job: Job<ThreadJobData>,
  threadRun: ThreadRun,
  error: unknown,
): Promise<JobOutcome> {
  const { machine, fork } = threadRun;
  const { requestId, block, index, number } = job.data;
  // Cancelled or expired: the request is settled elsewhere; finishing the job lets the join run and see it.
  if (error instanceof RequestAbortedError) {
    if (error.reason === 'cancelled') {
      deps.metrics.cancellations.inc();
      deps.metrics.threads.inc({ outcome: 'cancelled' });
    }
    return 'aborted';
  }
  const mapped = mapEngineError(error);
  if (isFinalAttempt(job, mapped)) {
    deps.metrics.threads.inc({ outcome: 'failed' });
    // Tenants read the stored thread and its event: our words and a code; the raw text is in the worker log.
    const { code, message } = publicEngineError(error);
    const failed: StoredThread = {
      number,
      status: 'failed',
      error: message,
      ...runRecord(job, threadRun),
      timeToFirstTokenMs: 0,
      decodeMs: 0,
    };
    const data = { block, thread: number, machine, error: message, code };
    await deps.store.putThreadWithEvent(requestId, { block, index, fork }, failed, { type: 'thread_failed', data });
  }
  throw mapped;
}

/** One thread's engine call: where it goes and what it continues. */
interface ThreadCall {
  readonly target: EngineTarget;
  readonly attempt: number;
  readonly context: RequestContext;
  readonly checkpoint: Checkpoint;
  /** The job span's carrier (undefined when untraced): the engine call's parent. */
  readonly trace: TraceCarrier | undefined;
}

/** A running thread job: its run, when it started, the machine whose engine decodes it, and its fork's revision. */
interface ThreadRun {
  readonly run: JobRun;
  readonly startedAt: number;
  readonly machine: string;
  /** The revision of the fork checkpoint the thread runs for: its result is stored only while that still holds. */
  readonly fork: string | undefined;
}

/** The fork a thread job loaded: its request's context, the checkpoint and that checkpoint's revision. */
interface HeldFork {
  readonly context: RequestContext;
  readonly checkpoint: Checkpoint;
  readonly fork: string | undefined;
}

/** The stored thread's account of how it ran: queue wait, machine, attempts and why, and when. */
function runRecord(job: Job<ThreadJobData>, { run, startedAt, machine }: Omit<ThreadRun, 'fork'>) {
  return {
    queueWaitMs: startedAt - job.data.enqueuedAt,
    machine,
    attempts: run.attempt,
    runCause: run.cause,
    stalls: run.stalls,
    startedAt,
    finishedAt: Date.now(),
  };
}
