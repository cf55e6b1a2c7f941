import OpenAI, { NotFoundError } from 'openai';
import { engineEndpoint } from './engine-url.js';
import { TokenizeUnavailableError } from './tokenize-unavailable.error.js';

/** vLLM's `POST /tokenize` answer (completion form). */
interface TokenizeAnswer {
  readonly tokens?: unknown;
}

/** What one `/tokenize` call needs. */
interface TokenizeCall {
  readonly model: string;
  readonly text: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * The engine's own token ids of `text` (vLLM's `POST /tokenize`, outside `/v1`, `add_special_tokens:
 * false` as every prompt is sent). Throws TokenizeUnavailableError when the engine has no such endpoint
 * or answers something that is not a list of ids: token-exact prompts cannot be built without it.
 */
export async function engineTokenize(openai: OpenAI, engineUrl: string, call: TokenizeCall): Promise<number[]> {
  let answer: TokenizeAnswer;
  try {
    answer = await openai.post<TokenizeAnswer>(engineEndpoint(engineUrl, '/tokenize'), {
      body: { model: call.model, prompt: call.text, add_special_tokens: false },
      timeout: call.timeoutMs,
      maxRetries: 0,
      ...(call.signal === undefined ? {} : { signal: call.signal }),
    });
  } catch (error) {
    if (error instanceof NotFoundError) throw new TokenizeUnavailableError('the engine has no /tokenize endpoint');
    throw error;
  }
  const { tokens } = answer;
  if (!Array.isArray(tokens) || !tokens.every((id) => Number.isSafeInteger(id) && (id as number) >= 0))
    throw new TokenizeUnavailableError('/tokenize answered without a list of token ids');
  return tokens as number[];
}
