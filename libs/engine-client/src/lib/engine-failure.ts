import { APIConnectionError, APIError } from 'openai';
import { ContextFullError } from './context-full.error.js';
import { EngineOutputError } from './engine-output.error.js';
import { RequestAbortedError } from './request-aborted.error.js';
import { TokenizeUnavailableError } from './tokenize-unavailable.error.js';

/**
 * How a failed engine call should be handled. `deterministic`: the same request would fail again
 * (bad request, unknown model, invalid output), so fail at once. `transient`: 429, 5xx, timeouts,
 * resets and anything unknown, retried by the one retry layer (BullMQ). `aborted`: stopped on purpose.
 */
export type EngineFailure =
  | { readonly kind: 'aborted'; readonly error: RequestAbortedError }
  | { readonly kind: 'deterministic'; readonly message: string }
  | { readonly kind: 'transient'; readonly error: Error };

/** HTTP statuses that mean the same request would fail again. */
const DETERMINISTIC_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 413, 422]);

/** The one table that classifies engine failures (see EngineFailure). */
export function classifyEngineError(error: unknown): EngineFailure {
  if (error instanceof RequestAbortedError) return { kind: 'aborted', error };
  if (error instanceof EngineOutputError)
    return { kind: 'deterministic', message: `Invalid engine output: ${error.message}` };
  if (error instanceof TokenizeUnavailableError) return { kind: 'deterministic', message: error.message };
  if (error instanceof ContextFullError) return { kind: 'deterministic', message: `Context full: ${error.message}` };
  if (error instanceof APIError && !(error instanceof APIConnectionError)) {
    const status: number | undefined = (error as APIError<number | undefined>).status;
    if (status === 401 || status === 403)
      return {
        kind: 'deterministic',
        message: `Engine refused the API key (HTTP ${status}): set ENGINE_API_KEY to the engine's --api-key`,
      };
    if (status !== undefined && DETERMINISTIC_STATUSES.has(status))
      return { kind: 'deterministic', message: `Engine rejected the request (HTTP ${status}): ${error.message}` };
  }
  return { kind: 'transient', error: error instanceof Error ? error : new Error(String(error)) };
}
