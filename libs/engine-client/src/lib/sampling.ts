/** Sampling settings one request carries to the engine; absent fields take the engine's defaults. */
export interface Sampling {
  readonly temperature?: number | undefined;
  readonly topP?: number | undefined;
  /** vLLM's `top_k`; −1 (or 0) disables it. */
  readonly topK?: number | undefined;
  readonly minP?: number | undefined;
  readonly repetitionPenalty?: number | undefined;
  readonly seed?: number | undefined;
}
