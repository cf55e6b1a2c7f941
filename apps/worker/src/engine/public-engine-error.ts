import { APIConnectionError, APIError } from 'openai';
import { EngineOutputError, EngineTimeoutError } from '@threadloom/engine-client';
import { SlotWaitExceededError } from './slot-wait-exceeded.error.js';

/** The stable codes a tenant sees for a failed engine call; the engine's own text goes to logs only. */
type PublicErrorCode =
  | 'context_length_exceeded'
  | 'engine_rejected'
  | 'engine_unauthorized'
  | 'engine_unavailable'
  | 'engine_timeout'
  | 'invalid_engine_output'
  | 'slot_wait_exceeded'
  | 'engine_error';

/** A failure as a tenant may read it. */
interface PublicError {
  readonly code: PublicErrorCode;
  readonly message: string;
}

/** vLLM's wording when prompt + max_tokens exceed the model's context. */
const CONTEXT_WORDS = /context length|max_model_len|maximum context|too long/i;

/** Classifies an engine call's failure (before or after mapEngineError) into a code and our own words. */
export function publicEngineError(error: unknown): PublicError {
  if (error instanceof SlotWaitExceededError) return { code: 'slot_wait_exceeded', message: error.message };
  if (error instanceof EngineTimeoutError)
    return { code: 'engine_timeout', message: 'the engine did not answer in time' };
  if (error instanceof EngineOutputError)
    return { code: 'invalid_engine_output', message: 'the engine returned output that could not be used' };
  if (error instanceof APIConnectionError) return { code: 'engine_unavailable', message: 'the engine was unavailable' };
  if (error instanceof APIError) {
    const status = (error as APIError<number | undefined>).status;
    if (status === 400 && CONTEXT_WORDS.test(error.message))
      return { code: 'context_length_exceeded', message: "the request exceeds the served model's context" };
    if (status === 401 || status === 403)
      return {
        code: 'engine_unauthorized',
        message: `the engine refused the worker's engine API key (HTTP ${status})`,
      };
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429)
      return { code: 'engine_rejected', message: `the engine rejected the request (HTTP ${status})` };
    return { code: 'engine_unavailable', message: 'the engine was unavailable' };
  }
  return { code: 'engine_error', message: 'the engine call failed' }; // resets, malformed streams, anything unknown
}
