/** Token-exact mode needs the engine's `/tokenize` for inserted text, and the engine cannot give it. */
export class TokenizeUnavailableError extends Error {
  override readonly name = 'TokenizeUnavailableError';

  constructor(reason: string) {
    super(`ENGINE_PROMPT_MODE=token-exact cannot build a prompt: ${reason} (use text mode for this engine)`);
  }
}
