/**
 * A call's prompt already fills the served context (`max_model_len`), so no token is left to generate:
 * the request ends like the reference's context guard (spec §2.3, §2.7) instead of sending a call vLLM
 * would reject with 400. Deterministic: never retried.
 */
export class ContextFullError extends Error {
  override readonly name = 'ContextFullError';
  readonly promptTokens: number;
  readonly maxModelLen: number;

  constructor(promptTokens: number, maxModelLen: number) {
    super(`the prompt is ${promptTokens} tokens; the served context (max_model_len) is ${maxModelLen} tokens`);
    this.promptTokens = promptTokens;
    this.maxModelLen = maxModelLen;
  }
}
