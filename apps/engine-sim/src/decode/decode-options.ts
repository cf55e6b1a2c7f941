/** The sampling fields that decide where a completion ends and what text it shows. */
export interface DecodeOptions {
  readonly maxTokens: number;
  readonly stop: readonly string[];
  readonly stopTokenIds: readonly number[];
  readonly includeStopStrInOutput: boolean;
  readonly skipSpecialTokens: boolean;
  readonly spacesBetweenSpecialTokens: boolean;
}

/** vLLM's finish reasons for a completion choice. */
export type FinishReason = 'stop' | 'length';

/** A decoded completion: final text, its per-token deltas (for streaming) and why it ended. */
export interface DecodedCompletion {
  readonly text: string;
  /** One entry per generated token; concatenated they equal `text`. */
  readonly deltas: readonly string[];
  /** Token ids of the generated tokens (same length as `deltas`). */
  readonly tokenIds: readonly number[];
  readonly finishReason: FinishReason;
  /** Matched stop string or stop token id; null on EOS or length. */
  readonly stopReason: string | number | null;
}
