import { OrchestrationError } from './orchestration.error.js';

/** `parallel` follows the fork/join protocol; `sequential` is the autoregressive baseline. */
export type OrchestrationMode = 'parallel' | 'sequential';

/** What a join does with a thread that failed after all retries. */
export type ThreadFailurePolicy = 'fail' | 'drop';

/** Tuning of one orchestration; every field has a default (see DEFAULT_ORCHESTRATOR_OPTIONS). */
export interface OrchestratorOptions {
  /** `sequential`: one request stopped only by EOS (or length), the baseline. Default `parallel`. */
  readonly mode: OrchestrationMode;
  /** Engine-generated tokens across all requests and threads (spec §2.7 response_length). Default 40 000. */
  readonly maxTotalTokens: number;
  /** Cap on one thread request's max tokens. Default 40 000. */
  readonly maxTokensPerThread: number;
  /** Cap on one sequential request's max tokens. Default 40 000. */
  readonly maxTokensPerStep: number;
  /** Outlines beyond this many (after de-duplication) are not spawned; recorded as `unspawned`. Default 50, the validator's limit. */
  readonly maxThreadsPerBlock: number;
  /** Sequential steps plus forks; the loop stops without closing tags when reached (spec §2.3). Default 32. */
  readonly maxIterations: number;
  /** Context limit in tokens (spec §2.7 max_total_tokens), estimated from engine-reported prompt tokens; null = the engine's own. Default null. */
  readonly maxContextTokens: number | null;
  /** false (default): the model emits `</Parallel>` after the join (spec §2.5, public code); true: the join appends it (paper). */
  readonly appendBlockCloseAtJoin: boolean;
  /** `fail` (default): end the request naming the thread; `drop`: force-close the thread empty and continue, recorded. */
  readonly onThreadFailure: ThreadFailurePolicy;
}

/** Defaults of every orchestrator option. */
export const DEFAULT_ORCHESTRATOR_OPTIONS: OrchestratorOptions = Object.freeze({
  mode: 'parallel',
  maxTotalTokens: 40_000,
  maxTokensPerThread: 40_000,
  maxTokensPerStep: 40_000,
  maxThreadsPerBlock: 50,
  maxIterations: 32,
  maxContextTokens: null,
  appendBlockCloseAtJoin: false,
  onThreadFailure: 'fail',
});

const POSITIVE_INTEGER_KEYS = [
  'maxTotalTokens',
  'maxTokensPerThread',
  'maxTokensPerStep',
  'maxThreadsPerBlock',
  'maxIterations',
] as const;

/** Merges options over the defaults; throws OrchestrationError on a value no run could use. */
export function resolveOrchestratorOptions(options: Partial<OrchestratorOptions> = {}): OrchestratorOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const resolved: OrchestratorOptions = { ...DEFAULT_ORCHESTRATOR_OPTIONS, ...defined };
  for (const key of POSITIVE_INTEGER_KEYS) requirePositiveInteger(key, resolved[key]);
  if (resolved.maxContextTokens !== null) requirePositiveInteger('maxContextTokens', resolved.maxContextTokens);
  if (resolved.mode !== 'parallel' && resolved.mode !== 'sequential') invalid('mode', resolved.mode);
  if (resolved.onThreadFailure !== 'fail' && resolved.onThreadFailure !== 'drop')
    invalid('onThreadFailure', resolved.onThreadFailure);
  return resolved;
}

function requirePositiveInteger(key: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) invalid(key, value);
}

function invalid(key: string, value: unknown): never {
  throw new OrchestrationError('invalid_options', `Orchestrator option ${key} is invalid: ${JSON.stringify(value)}`);
}
