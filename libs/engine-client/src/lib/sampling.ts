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

/** The reference's sampling (spec §2.8: the paper's temperature 1.0, the public RL config's top_p 1.0, top_k −1). */
export const REFERENCE_SAMPLING = Object.freeze({
  temperature: 1,
  topP: 1,
  topK: -1,
  minP: 0,
  repetitionPenalty: 1,
} satisfies Sampling);
