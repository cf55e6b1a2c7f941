import type { CompletionResult, EngineRequest, FinishReason, UsageSource } from './engine.js';
import type { OrchestratorOptions } from './orchestrator-options.js';
import type { StoredPromptIds } from './unit-token-ids.js';

/** Where the machine is: decoding a sequential step, waiting for a block's threads, or finished. */
export type OrchestrationPhase = 'sequential' | 'parallel' | 'done';

/** Every way an orchestration ends. */
export const TERMINATION_REASONS = [
  'eos', // a sequential step ended on EOS: the normal end
  'length', // a sequential step hit its max tokens without EOS
  'empty_output', // a sequential step returned no text
  'budget', // maxTotalTokens reached (guard, or at a join: block closed by the orchestrator)
  'context', // maxContextTokens reached (guard)
  'iteration_cap', // maxIterations steps done (guard)
  'thread_eos', // a thread ended on EOS: join, force-close the block, finish
  'thread_length', // a thread hit its max tokens: join, force-close the block, finish
  'thread_failed', // a thread failed after all retries and onThreadFailure is `fail`
  'engine_error', // a sequential request failed (runtime)
  'aborted', // the caller aborted (runtime)
] as const;

/** Why an orchestration ended. */
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** The end of an orchestration; `thread` names the thread behind a thread_* reason. */
export interface Termination {
  readonly reason: TerminationReason;
  readonly thread?: string;
  readonly message?: string;
}

/** What became of one spawned thread at its join. */
export interface ThreadRecord {
  readonly number: string;
  readonly status: 'completed' | 'failed';
  readonly completionTokens: number;
  readonly finishReason: FinishReason | null;
  readonly stopReason: string | null;
  /** The orchestrator appended the dialect's forced thread closure. */
  readonly forcedClose: boolean;
  /** The thread ended on EOS or length, which ends the request after this join (spec §2.3 eos_seen). */
  readonly endedRequest: boolean;
  readonly error?: string;
}

/** One fork/join block. Offsets index `OrchestratorState.response`. */
export interface BlockRecord {
  readonly index: number;
  /** Response length at the fork; the response ends with the plan close tag there. */
  readonly forkOffset: number;
  /** Outline numbers of the current block, de-duplicated, first occurrence kept, in outline order. */
  readonly outlines: readonly string[];
  /** Numbers that occurred again and were ignored. */
  readonly duplicates: readonly string[];
  /** Threads requested: the first maxThreadsPerBlock outlines. */
  readonly spawned: readonly string[];
  /** Outlines over maxThreadsPerBlock: not decoded, absent from the join, left in the outline text. */
  readonly unspawned: readonly string[];
  /** max tokens of each thread request, fixed at the fork so every runtime rebuilds the same request. */
  readonly threadMaxTokens: number;
  /** Filled at the join, in outline order. */
  readonly threads: readonly ThreadRecord[];
  /** Failed threads force-closed empty under onThreadFailure `drop`. */
  readonly dropped: readonly string[];
  /** Response length after the join (null before it, or when the join failed the request). */
  readonly joinOffset: number | null;
  /** The orchestrator appended the block close tag (option, thread EOS/length, or budget). */
  readonly closedByOrchestrator: boolean;
}

/** One engine call as a training unit: the context as a length, the completion as a response range. */
export interface CallUnit {
  readonly kind: 'sequential' | 'thread';
  /** For a sequential step: the number of blocks before it; for a thread: its block. */
  readonly block: number;
  readonly thread: string | null;
  /** Length in characters of the request prompt (chat prompt + response prefix + thread header). */
  readonly contextChars: number;
  /** The kept completion is `response.slice(completionStart, completionEnd)` (EOS removed). */
  readonly completionStart: number;
  readonly completionEnd: number;
  readonly completionTokens: number;
  readonly finishReason: FinishReason;
  readonly stopReason: string | null;
  /** Prompt tokens the engine reported for this call (absent in states saved before it was recorded). */
  readonly promptTokens?: number;
  /** Prompt tokens served from the engine's prefix cache. */
  readonly cachedTokens?: number;
  /** Absent means `engine`. */
  readonly usageSource?: UsageSource;
  /** The ids the engine generated, as returned (a stop token or EOS included); absent when it returned none. */
  readonly tokenIds?: readonly number[];
  /** The prompt ids the engine saw, stored against an earlier unit (expand with unitPromptIds). */
  readonly promptIds?: StoredPromptIds;
  /** `tokenIds` are exactly the kept completion (no EOS, nothing cut or restored): a later prompt may reuse them. */
  readonly idsReusable?: boolean;
}

/** The whole orchestration as a JSON document; every join and thread request derives from it. */
export interface OrchestratorState {
  readonly version: 1;
  /** Name of the dialect; runtimes resolve it or pass the same dialect to every call. */
  readonly dialect: string;
  readonly options: OrchestratorOptions;
  /** The rendered chat prompt (ends with the assistant generation prompt). */
  readonly prompt: string;
  /** Assistant response so far, including orchestrator-inserted headers, joins and closures; never EOS. */
  readonly response: string;
  readonly phase: OrchestrationPhase;
  /** Steps issued so far: sequential requests plus forks. */
  readonly iteration: number;
  /** Engine-reported completion tokens across all requests (inserted strings are not tokenized here). */
  readonly generatedTokens: number;
  /** Estimated context length in tokens, from engine-reported prompt tokens; null until known. */
  readonly contextTokens: number | null;
  readonly blocks: readonly BlockRecord[];
  readonly units: readonly CallUnit[];
  readonly termination: Termination | null;
}

/** What the runtime must do next. */
export type NextAction =
  | { readonly type: 'decode'; readonly request: EngineRequest }
  | { readonly type: 'fork'; readonly blockIndex: number; readonly threads: readonly { readonly number: string }[] }
  | { readonly type: 'done'; readonly reason: TerminationReason };

/** A state with the action that follows from it. */
export interface OrchestrationStep {
  readonly state: OrchestratorState;
  readonly action: NextAction;
}

/** The result of one thread request, as the join receives it (after the runtime's retries). */
export type ThreadOutcome =
  | { readonly number: string; readonly status: 'completed'; readonly result: CompletionResult }
  | { readonly number: string; readonly status: 'failed'; readonly error: string };
