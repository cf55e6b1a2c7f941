/** Where a result's token counts come from: the engine's per-call usage, the Qwen3 tokenizer fallback, or both. */
export type TokenCountSource = 'engine' | 'tokenizer' | 'mixed';

/** Token and structure metrics of a (possibly partial) run, every token count from the engine's per-call usage. */
export interface ResultMetrics {
  /** Prompt tokens of the request (the first sequential call's prompt); 0 before any call. */
  readonly promptTokens: number;
  /** Every generated token: sequential steps and threads. */
  readonly completionTokens: number;
  /** Prompt tokens served from the engine's prefix cache, over every call. */
  readonly cachedTokens: number;
  /** Every sequential step plus the longest thread of each block. */
  readonly criticalPathTokens: number;
  /** completionTokens ÷ criticalPathTokens (1 when nothing was generated). */
  readonly tokenSpeedup: number;
  /** η = 1 − critical ÷ completion (0 when nothing was generated). */
  readonly acceleration: number;
  /** `engine` unless an engine reported no usage for some call and the Qwen3 tokenizer counted it. */
  readonly tokenCountSource: TokenCountSource;
  /** Fork/join blocks forked. */
  readonly blocks: number;
  /** Mean threads spawned per block (0 without a block). */
  readonly threadsPerBlock: number;
  /** Sequential steps plus forks issued. */
  readonly iterations: number;
}
