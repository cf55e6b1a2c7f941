/** Durations of the simulated GPU, in model milliseconds (before the time scale). */
export interface TimingModel {
  /** Fixed cost of one decode step (one token for every running sequence). */
  readonly stepBaseMs: number;
  /** Extra step cost per running sequence. */
  readonly stepPerSequenceMs: number;
  /** Extra step cost per 1,000 tokens of context summed over the batch (0 = off). */
  readonly stepPerKiloContextTokenMs: number;
  /** Prefill throughput for uncached prompt tokens. */
  readonly prefillTokensPerSecond: number;
}

/**
 * Calibrated to the paper's 1-GPU sequential MATH500 run (spec §6.4: 162.34 s for ~7.2k tokens,
 * ≈ 22.5 ms per token at batch 1, prefill included): 20.5 + 1.5 × 1 = 22 ms per step at batch 1,
 * plus prefill at 10k tokens/s (≈ 0.05 s for a 500-token prompt).
 */
export const DEFAULT_TIMING: TimingModel = Object.freeze({
  stepBaseMs: 20.5,
  stepPerSequenceMs: 1.5,
  stepPerKiloContextTokenMs: 0,
  prefillTokensPerSecond: 10_000,
});

/** Duration of one decode step for a batch. */
export function stepMs(model: TimingModel, batch: number, contextTokens: number): number {
  return model.stepBaseMs + model.stepPerSequenceMs * batch + (model.stepPerKiloContextTokenMs * contextTokens) / 1000;
}

/** Duration of prefilling `tokens` uncached prompt tokens. */
export function prefillMs(model: TimingModel, tokens: number): number {
  return (tokens / model.prefillTokensPerSecond) * 1000;
}

/** Model time of one request served alone: prefill, then one batch-1 step per output token. */
export function soloRequestMs(
  model: TimingModel,
  uncachedPrompt: number,
  promptTokens: number,
  outputTokens: number,
): number {
  let total = prefillMs(model, uncachedPrompt);
  for (let i = 0; i < outputTokens; i++) total += stepMs(model, 1, promptTokens + i);
  return total;
}
