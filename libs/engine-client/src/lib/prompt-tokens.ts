import OpenAI, { NotFoundError } from 'openai';
import { engineEndpoint } from './engine-url.js';

/** vLLM's `POST /tokenize` answer (completion form). */
interface TokenizeResponse {
  readonly count?: unknown;
}

/**
 * A prompt's token count from the engine's own tokenizer: vLLM's `POST /tokenize` (outside `/v1`),
 * with `add_special_tokens: false` as the completion is sent, so the count is exactly what the engine
 * checks against its context. Undefined when the engine has no such endpoint (404).
 */
export async function engineTokenCount(
  openai: OpenAI,
  engineUrl: string,
  request: {
    readonly model: string;
    readonly prompt: string;
    readonly timeoutMs: number;
    readonly signal?: AbortSignal;
  },
): Promise<number | undefined> {
  try {
    const body = { model: request.model, prompt: request.prompt, add_special_tokens: false };
    const answer = await openai.post<TokenizeResponse>(engineEndpoint(engineUrl, '/tokenize'), {
      body,
      timeout: request.timeoutMs,
      maxRetries: 0,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
    const count = answer.count;
    return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
