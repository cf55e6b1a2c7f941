import { joinJobSchema, type JoinJobData } from '@threadloom/contracts';
import { afterJoin, type ThreadOutcome } from '@threadloom/threading';
import type { Job } from 'bullmq';
import { inJobSpan, type TraceCarrier } from '@threadloom/telemetry';
import { threadResultOf, type Checkpoint, type StoredThread } from '@threadloom/queue';
import { commitStep, performEffects } from '../runtime/commit-step.js';
import { loadJob, pastDeadline } from '../runtime/request-context.js';
import { jobAttributes, runEventData, startRun } from '../runtime/job-run.js';
import type { RuntimeDeps } from '../runtime/runtime-deps.js';
import type { JobOutcome } from './job-outcome.js';

/** Reassembles a block in outline order once every thread finished or finally failed; applies onThreadFailure. */
export async function processJoin(deps: RuntimeDeps, job: Job<JoinJobData>): Promise<JobOutcome> {
  const { requestId, block, version, trace } = joinJobSchema.parse(job.data);
  const loaded = await loadJob(deps.store, requestId);
  if (loaded === undefined) return 'inactive';
  const { context, checkpoint, revision } = loaded;
  if (checkpoint.version === version + 1) {
    await performEffects(deps, requestId, checkpoint, { priority: context.priority, trace });
    return 'replayed';
  }
  const { action } = checkpoint;
  if (checkpoint.version !== version || action.type !== 'fork' || action.blockIndex !== block) return 'stale';
  if (pastDeadline(context)) {
    await deps.finisher.expired(requestId, checkpoint.state);
    return 'expired';
  }
  const stored = await deps.store.getThreads(requestId, block, action.threads.length);
  const run = await startRun(job);
  const startedAt = Date.now();
  const lastThreadAt = Math.max(0, ...stored.map((thread) => thread?.finishedAt ?? 0));
  const queueWaitMs = lastThreadAt > 0 ? Math.max(0, startedAt - lastThreadAt) : 0;
  if (lastThreadAt > 0) deps.metrics.joinWait.observe(queueWaitMs / 1000);
  const attributes = {
    ...jobAttributes({ job, requestId, machine: deps.config.machineId, run, queueWaitMs }),
    'threadloom.block': block,
  };
  const links = stored.flatMap((thread): TraceCarrier[] =>
    thread?.span === undefined ? [] : [{ traceparent: thread.span }],
  );
  return inJobSpan('join', { parent: trace, attributes, links }, async (): Promise<JobOutcome> => {
    const outcomes = await collectOutcomes(job, checkpoint, stored);
    const failed = outcomes.filter((outcome) => outcome.status === 'failed').map((outcome) => outcome.number);
    await deps.store.appendEvent(requestId, 'join', {
      block,
      threads: outcomes.length,
      failed,
      machine: deps.config.machineId,
      ...runEventData(run),
    });
    const step = afterJoin(checkpoint.state, outcomes);
    const base = { version, revision };
    const saved = await commitStep(deps, requestId, base, step, { priority: context.priority, trace });
    if (saved !== 'saved') return 'done';
    const dropped = step.state.blocks.find((candidate) => candidate.index === block)?.dropped.length ?? 0;
    if (dropped > 0) deps.metrics.threads.inc({ outcome: 'dropped' }, dropped);
    await forgetTexts(deps, requestId, { block, version }, outcomes.length);
    return 'done';
  });
}

async function collectOutcomes(
  job: Job<JoinJobData>,
  checkpoint: Checkpoint,
  stored: readonly (StoredThread | undefined)[],
): Promise<ThreadOutcome[]> {
  if (checkpoint.action.type !== 'fork') return [];
  const threads = checkpoint.action.threads;
  const ignored = stored.some((thread) => thread?.status !== 'completed') ? await job.getIgnoredChildrenFailures() : {};
  return threads.map(({ number }, index): ThreadOutcome => {
    const thread = stored[index];
    const result = thread === undefined ? undefined : threadResultOf(thread, checkpoint.state.units);
    if (thread?.status === 'completed' && result !== undefined) return { number, status: 'completed', result };
    return {
      number,
      status: 'failed',
      error: thread?.error ?? firstFailure(ignored) ?? `thread ${number} failed after all attempts`,
    };
  });
}

function firstFailure(ignored: Record<string, string>): string | undefined {
  return Object.values(ignored)[0];
}

/**
 * The join copied every thread text and its ids into the state: keep only the metrics so they are stored
 * once (one read, one write). The write holds only while Redis still has the join's commit: after Redis
 * lost it (a crash before fsync) the redone join must read the texts, not blanks.
 */
async function forgetTexts(
  deps: RuntimeDeps,
  requestId: string,
  fork: { readonly block: number; readonly version: number },
  count: number,
): Promise<void> {
  const { block, version } = fork;
  const stored = await deps.store.getThreads(requestId, block, count);
  const blanked = new Map<number, StoredThread>();
  stored.forEach((thread, index) => {
    if (thread?.result === undefined) return;
    const { promptIds: _promptIds, ...rest } = thread;
    const { tokenIds: _tokenIds, ...result } = thread.result;
    blanked.set(index, { ...rest, result: { ...result, text: '' } });
  });
  await deps.store.putJoinedThreads(requestId, block, version, blanked);
}
