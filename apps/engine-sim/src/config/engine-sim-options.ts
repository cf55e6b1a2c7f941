import type { Dialect } from '@threadloom/threading';
import type { CorpusEntry } from '@threadloom/contracts';
import type { TimingModel } from '../engine/timing-model.js';
import type { FaultOptions } from '../http/faults.js';
import type { SchedulingPolicy } from '../engine/scheduling-policy.js';
import type { SyntheticOptions } from '../synthetic/synthetic-options.js';

/** Options of one simulator instance; every field has a default. */
export interface EngineSimOptions {
  /** TCP port (default 0 = any free port). */
  readonly port?: number;
  /** Bind address (default 127.0.0.1). */
  readonly host?: string;
  /** Corpus entries, or a JSONL path (default: the shipped corpus). */
  readonly corpus?: readonly CorpusEntry[] | string;
  /** Wall time = model time × timeScale (default 1; 0 answers instantly). */
  readonly timeScale?: number;
  /** Maximum running sequences per step; the rest wait (default 256, vLLM's max_num_seqs). */
  readonly maxRunning?: number;
  /** Seed for synthetic trajectories and fault draws (default 0). */
  readonly seed?: number;
  readonly faults?: FaultOptions;
  /** Served model name (default "threadweaver-sim"). */
  readonly model?: string;
  /** Context length in tokens (default 40960, Qwen3-8B). */
  readonly maxModelLen?: number;
  readonly timing?: Partial<TimingModel>;
  readonly synthetic?: Partial<SyntheticOptions>;
  /** Prefix-cache block size in tokens (default 16, vLLM's). */
  readonly blockSize?: number;
  /** Prefix-cache capacity in blocks (default 16384 = 262,144 tokens). */
  readonly cacheCapacityBlocks?: number;
  /** vLLM's `--api-key`: routes under /v1 answer 401 without `Authorization: Bearer <key>` (default: open). */
  readonly apiKey?: string;
  /** vLLM's `--enable-request-id-headers`: echo `X-Request-Id` (or a fresh id) on every response. */
  readonly enableRequestIdHeaders?: boolean;
  /** Append every completion request (body and correlation headers, never the key) to this JSONL file. */
  readonly captureRequests?: string;
  /** vLLM's `--scheduling-policy`: `fcfs` (default) or `priority` (waiting requests by their `priority`, lower first). */
  readonly schedulingPolicy?: SchedulingPolicy;
  /** Tag vocabulary (default ThreadWeaver). */
  readonly dialect?: Dialect;
}
