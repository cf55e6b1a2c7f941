import { THREADWEAVER_DIALECT } from '../dialect/index.js';
import type { Dialect } from '../dialect/index.js';
import { afterJoin } from './after-join.js';
import type { CompletionResult, Engine, EngineRequest } from './engine.js';
import { OrchestrationError } from './orchestration.error.js';
import {
  afterSequential,
  buildThreadRequest,
  startOrchestration,
  terminateOrchestration,
} from './orchestration-machine.js';
import type { OrchestratorOptions } from './orchestrator-options.js';
import type {
  CallUnit,
  OrchestrationStep,
  OrchestratorState,
  Termination,
  ThreadOutcome,
} from './orchestrator-state.js';
import { mapLimited } from './map-limited.js';

/** Options of the in-process runtime: the machine's options plus thread concurrency and cancellation. */
export interface RunOrchestrationOptions extends Partial<OrchestratorOptions> {
  /** Threads of one block decoded at once; default all of them (the reference gathers every thread). */
  readonly maxConcurrentThreads?: number;
  /** Aborts the engine calls in flight; the run then ends with reason `aborted`, keeping the text so far. */
  readonly signal?: AbortSignal;
}

/** A finished in-process orchestration. */
export interface OrchestrationRun {
  /** The assistant response, without EOS. */
  readonly text: string;
  readonly state: OrchestratorState;
  /** Engine calls made (sequential steps plus threads). */
  readonly requests: number;
  readonly termination: Termination;
  readonly units: readonly CallUnit[];
}

interface RunContext {
  readonly engine: Engine;
  readonly dialect: Dialect;
  readonly concurrency: number;
  readonly signal: AbortSignal | undefined;
  /** Engine calls made so far. */
  readonly calls: { count: number };
}

/**
 * Drives the state machine against one engine until it is done. Never throws because of the engine:
 * a failed sequential request ends the run (`engine_error`), a failed thread goes to onThreadFailure.
 * No retries here: the one retry layer of the system is the distributed runtime's queue.
 */
export async function runOrchestration(
  prompt: string,
  engine: Engine,
  options: RunOrchestrationOptions = {},
  dialect: Dialect = THREADWEAVER_DIALECT,
): Promise<OrchestrationRun> {
  const { maxConcurrentThreads, signal, ...machineOptions } = options;
  const context: RunContext = {
    engine,
    dialect,
    concurrency: resolveConcurrency(maxConcurrentThreads),
    signal,
    calls: { count: 0 },
  };
  let step = startOrchestration(prompt, machineOptions, dialect);
  while (step.action.type !== 'done') {
    if (signal?.aborted === true) {
      step = terminateOrchestration(step.state, 'aborted', abortMessage(signal));
      break;
    }
    step = await advance(step, context);
  }
  const { state } = step;
  const termination = state.termination ?? { reason: 'aborted' };
  return { text: state.response, state, requests: context.calls.count, termination, units: state.units };
}

async function advance(step: OrchestrationStep, context: RunContext): Promise<OrchestrationStep> {
  const { action, state } = step;
  switch (action.type) {
    case 'decode': {
      const called = await call(context, action.request);
      if (called.ok) return afterSequential(state, called.result, context.dialect);
      return interrupted(state, context, called.error);
    }
    case 'fork': {
      const outcomes = await mapLimited(action.threads, context.concurrency, (thread) =>
        runThread(state, thread.number, context),
      );
      if (context.signal?.aborted === true)
        return terminateOrchestration(state, 'aborted', abortMessage(context.signal));
      return afterJoin(state, outcomes, context.dialect);
    }
    case 'done':
      return step;
  }
}

async function runThread(state: OrchestratorState, number: string, context: RunContext): Promise<ThreadOutcome> {
  const called = await call(context, buildThreadRequest(state, number, context.dialect));
  return called.ok
    ? { number, status: 'completed', result: called.result }
    : { number, status: 'failed', error: called.error };
}

type Called = { readonly ok: true; readonly result: CompletionResult } | { readonly ok: false; readonly error: string };

async function call(context: RunContext, request: EngineRequest): Promise<Called> {
  const { signal } = context;
  context.calls.count++;
  try {
    const pending = context.engine.complete(signal === undefined ? request : { ...request, signal });
    return { ok: true, result: await untilAborted(pending, signal) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Settles with the engine's promise, or rejects as soon as the signal aborts (an engine may ignore it). */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return pending;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error(abortMessage(signal)));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function interrupted(state: OrchestratorState, context: RunContext, error: string): OrchestrationStep {
  if (context.signal?.aborted === true) return terminateOrchestration(state, 'aborted', abortMessage(context.signal));
  return terminateOrchestration(state, 'engine_error', error);
}

function abortMessage(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'aborted';
}

function resolveConcurrency(value: number | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new OrchestrationError('invalid_options', `maxConcurrentThreads must be a positive integer: ${value}`);
  }
  return value;
}
