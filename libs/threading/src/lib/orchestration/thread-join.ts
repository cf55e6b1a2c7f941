import { threadHeader } from '../dialect/index.js';
import type { Dialect } from '../dialect/index.js';
import { keepCompletion } from './completion-text.js';
import type { BlockRecord, CallUnit, OrchestratorState, ThreadOutcome, ThreadRecord } from './orchestrator-state.js';
import { safeTokenCount } from './request-budget.js';
import { unitUsage } from './unit-usage.js';

/** The joined threads of one block, before the join decides how to go on. */
export interface JoinedThreads {
  /** Header + body of every thread in outline order (spec §2.5), without the join suffix. */
  readonly text: string;
  readonly threads: readonly ThreadRecord[];
  readonly units: readonly CallUnit[];
  readonly dropped: readonly string[];
  /** Engine tokens of the completed threads. */
  readonly tokens: number;
  /** Largest engine-reported thread prompt, for the context estimate. */
  readonly maxPromptTokens: number | null;
  /** First failed thread when the policy is `fail`. */
  readonly failed: ThreadRecord | null;
  /** First thread that ended on EOS or length (spec §2.3 eos_seen), and whether any hit length. */
  readonly ended: ThreadRecord | null;
  readonly anyLength: boolean;
}

interface Contribution {
  readonly text: string;
  readonly record: ThreadRecord;
  readonly unit: CallUnit | null;
}

/** Assembles the join of `block` from the thread outcomes, matched by number (a missing one counts as failed). */
export function joinThreads(
  state: OrchestratorState,
  block: BlockRecord,
  outcomes: readonly ThreadOutcome[],
  dialect: Dialect,
): JoinedThreads {
  let text = '';
  const contributions: Contribution[] = [];
  block.spawned.forEach((number, position) => {
    const outcome = outcomes.find((candidate) => candidate.number === number);
    const header = threadHeader(dialect, number, position === 0);
    const offset = block.forkOffset + text.length + header.length;
    const contribution =
      outcome?.status === 'completed'
        ? completedThread(state, block, outcome, header, offset, dialect)
        : failedThread(number, header, outcome?.error ?? 'no outcome reported', state.options.onThreadFailure, dialect);
    contributions.push(contribution);
    text += contribution.text;
  });
  const records = contributions.map((contribution) => contribution.record);
  const promptTokens = outcomes.flatMap((outcome) =>
    outcome.status === 'completed' && outcome.result.promptTokens !== undefined
      ? [safeTokenCount(outcome.result.promptTokens)]
      : [],
  );
  return {
    text,
    threads: records,
    units: contributions.flatMap((contribution) => (contribution.unit === null ? [] : [contribution.unit])),
    dropped: records.filter((record) => record.status === 'failed').map((record) => record.number),
    tokens: records.reduce((sum, record) => sum + record.completionTokens, 0),
    maxPromptTokens: promptTokens.length === 0 ? null : Math.max(...promptTokens),
    failed:
      state.options.onThreadFailure === 'fail' ? (records.find((record) => record.status === 'failed') ?? null) : null,
    ended: records.find((record) => record.endedRequest) ?? null,
    anyLength: records.some((record) => record.finishReason === 'length'),
  };
}

function completedThread(
  state: OrchestratorState,
  block: BlockRecord,
  outcome: Extract<ThreadOutcome, { status: 'completed' }>,
  header: string,
  bodyStart: number,
  dialect: Dialect,
): Contribution {
  const { result, number } = outcome;
  const kept = keepCompletion(result, dialect.threadStop, dialect);
  const tokens = safeTokenCount(result.completionTokens);
  const record: ThreadRecord = {
    number,
    status: 'completed',
    completionTokens: tokens,
    finishReason: result.finishReason,
    stopReason: result.stopReason,
    forcedClose: !kept.stopped,
    endedRequest: kept.eos || result.finishReason === 'length',
  };
  const unit: CallUnit = {
    kind: 'thread',
    block: block.index,
    thread: number,
    contextChars: state.prompt.length + block.forkOffset + threadHeader(dialect, number, true).length,
    completionStart: bodyStart,
    completionEnd: bodyStart + kept.text.length,
    completionTokens: tokens,
    finishReason: result.finishReason,
    stopReason: result.stopReason,
    ...unitUsage(result, state.units, kept),
  };
  return { text: header + kept.text + (kept.stopped ? '' : dialect.forcedThreadClose), record, unit };
}

function failedThread(
  number: string,
  header: string,
  error: string,
  policy: 'fail' | 'drop',
  dialect: Dialect,
): Contribution {
  const record: ThreadRecord = {
    number,
    status: 'failed',
    completionTokens: 0,
    finishReason: null,
    stopReason: null,
    forcedClose: policy === 'drop',
    endedRequest: false,
    error,
  };
  // Under `drop` the thread is force-closed empty, so the block stays well-formed (spec §2.6).
  return { text: policy === 'drop' ? header + dialect.forcedThreadClose : '', record, unit: null };
}
