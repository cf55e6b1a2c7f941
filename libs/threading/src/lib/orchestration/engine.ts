/** One text-completion request, like vLLM `/v1/completions` with `include_stop_str_in_output=true`. */
export interface CompletionRequest {
  readonly prompt: string;
  /** Stop strings besides the engine's own end-of-sequence token, which always stops decoding. */
  readonly stop: readonly string[];
  readonly maxTokens: number;
  readonly signal?: AbortSignal;
}

/** Why an engine stopped decoding. */
export type FinishReason = 'stop' | 'length';

/** Where a call's token counts come from: the engine's `usage`, or the Qwen3 tokenizer when it reported none. */
export type UsageSource = 'engine' | 'tokenizer';

/** What an engine returns for one request. */
export interface CompletionResult {
  /** Generated text; includes the matched stop string; never includes the EOS token. */
  readonly text: string;
  readonly finishReason: FinishReason;
  /** The matched stop string, or null on EOS / length. */
  readonly stopReason: string | null;
  readonly completionTokens: number;
  readonly promptTokens?: number;
  readonly cachedTokens?: number;
  /** Absent means `engine`. */
  readonly usageSource?: UsageSource;
  /** The prompt's token ids as the engine saw them (vLLM `prompt_token_ids`); absent when it returned none. */
  readonly promptTokenIds?: readonly number[];
  /** The generated token ids (vLLM `choices[].token_ids`: a matched stop token or EOS included); absent when none. */
  readonly tokenIds?: readonly number[];
}

/** What a runtime calls to decode; implemented over vLLM, the simulator or a script. */
export interface Engine {
  complete(request: CompletionRequest): Promise<CompletionResult>;
}

/** A request the state machine asks a runtime to send (the runtime adds the abort signal). */
export interface EngineRequest {
  readonly prompt: string;
  readonly stop: readonly string[];
  readonly maxTokens: number;
}
