import type { FinishReason } from '../decode/decode-options.js';

/** One sequence for the engine: its prompt and the output tokens it will produce. */
export interface GenerationJob {
  readonly promptIds: readonly number[];
  /** Token ids of the output (one per generated token). */
  readonly outputIds: readonly number[];
  readonly finishReason: FinishReason;
  /** Called when output token `index` is produced (model time reached, wall time slept). */
  readonly onToken?: (index: number) => void;
  /** Wall time (`performance.now()`) the request arrived; CPU work before `generate` then overlaps the model clock. */
  readonly arrivedAt?: number;
  /** Aborts decoding (client went away); the job then resolves early. */
  readonly signal?: AbortSignal;
  /** vLLM's request `priority` (lower = earlier); orders the waiting queue under the `priority` policy. */
  readonly priority?: number;
}

/** What the engine reports when a sequence finishes. */
export interface GenerationResult {
  readonly cachedTokens: number;
  /** Model milliseconds from arrival to the last token. */
  readonly modelMs: number;
  /** Model-time latencies of a finished sequence (absent when it was dropped). */
  readonly latency?: SequenceLatency;
}

/** Where a finished sequence's model time went, in seconds (what vLLM puts on its request span). */
interface SequenceLatency {
  readonly queueSeconds: number;
  readonly prefillSeconds: number;
  readonly timeToFirstTokenSeconds: number;
  readonly e2eSeconds: number;
}
