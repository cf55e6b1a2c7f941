import type { EngineRequest } from '@threadloom/threading';
import { ContextFullError } from './context-full.error.js';

/**
 * One call's `max_tokens` capped at `max_model_len − prompt tokens`, as the reference's vLLM server
 * does (spec §2.7), so the engine never answers 400 for a long context. `countTokens` is asked only
 * when the prompt could matter: a token covers at least one byte (byte-level BPE), so a prompt of
 * fewer UTF-8 bytes than the room left fits without counting. Throws ContextFullError when the prompt
 * leaves no token to generate. `maxModelLen` undefined (the engine does not say): unchanged.
 */
export async function capToContext(
  request: EngineRequest,
  maxModelLen: number | undefined,
  countTokens: (prompt: string) => Promise<number>,
): Promise<EngineRequest> {
  if (maxModelLen === undefined) return request;
  if (Buffer.byteLength(request.prompt, 'utf8') + request.maxTokens <= maxModelLen) return request;
  const promptTokens = await countTokens(request.prompt);
  const room = maxModelLen - promptTokens;
  if (room < 1) throw new ContextFullError(promptTokens, maxModelLen);
  return room >= request.maxTokens ? request : { ...request, maxTokens: room };
}
