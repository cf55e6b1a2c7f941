import {
  threadField,
  type ReasoningResult,
  type ResultBlock,
  type ResultMetrics,
  type ResultThread,
} from '@threadloom/contracts';
import { extractBoxedAnswer } from '@threadloom/rewards';
import { finalText, tokenUsage, type OrchestratorState } from '@threadloom/threading';
import type { StoredThread } from '../store/stored-thread.js';

/** Assembles the stored result of a (possibly partial) run from its state and per-thread records. */
export function buildResult(
  state: OrchestratorState,
  threads: Readonly<Record<string, StoredThread>>,
): ReasoningResult {
  const text = finalText(state);
  return {
    text,
    answer: extractBoxedAnswer(text) ?? null,
    metrics: resultMetrics(state),
    blocks: state.blocks.map((block) => toBlock(block, threads)),
    termination: state.termination?.reason ?? 'incomplete',
    engineRequests: state.units.length,
  };
}

/** Token counts from the engine's per-call usage (see tokenUsage), plus the run's shape. */
function resultMetrics(state: OrchestratorState): ResultMetrics {
  const usage = tokenUsage(state);
  const spawned = state.blocks.reduce((sum, block) => sum + block.spawned.length, 0);
  return {
    promptTokens: usage.promptTokens ?? 0,
    completionTokens: usage.completionTokens,
    cachedTokens: usage.cachedTokens,
    criticalPathTokens: usage.criticalPathTokens,
    tokenSpeedup: usage.tokenSpeedup,
    acceleration: usage.completionTokens > 0 ? 1 - usage.criticalPathTokens / usage.completionTokens : 0,
    tokenCountSource: usage.source,
    blocks: state.blocks.length,
    threadsPerBlock: state.blocks.length > 0 ? spawned / state.blocks.length : 0,
    iterations: state.iteration,
  };
}

function toBlock(
  block: OrchestratorState['blocks'][number],
  threads: Readonly<Record<string, StoredThread>>,
): ResultBlock {
  return {
    index: block.index,
    outlines: block.outlines,
    threads: block.spawned.map((number, index) => toThread(number, block, threads[threadField(block.index, index)])),
  };
}

function toThread(
  number: string,
  block: OrchestratorState['blocks'][number],
  stored: StoredThread | undefined,
): ResultThread {
  const joined = block.threads.find((thread) => thread.number === number);
  const status = block.dropped.includes(number) ? 'dropped' : (joined?.status ?? stored?.status ?? 'failed');
  const finishReason = joined?.finishReason ?? stored?.result?.finishReason;
  const error = joined?.error ?? stored?.error;
  return {
    number,
    status,
    promptTokens: stored?.result?.promptTokens ?? 0,
    completionTokens: joined?.completionTokens ?? stored?.result?.completionTokens ?? 0,
    cachedTokens: stored?.result?.cachedTokens ?? 0,
    attempts: stored?.attempts ?? 0,
    ...(stored?.runCause === undefined ? {} : { runCause: stored.runCause, stalls: stored.stalls ?? 0 }),
    queueWaitMs: stored?.queueWaitMs ?? 0,
    timeToFirstTokenMs: stored?.timeToFirstTokenMs ?? 0,
    decodeMs: stored?.decodeMs ?? 0,
    machine: stored?.machine ?? 'unknown',
    ...(finishReason === undefined || finishReason === null ? {} : { finishReason }),
    ...(error === undefined ? {} : { error }),
  };
}
