import { APIConnectionError, APIError } from 'openai';
import { EngineOutputError } from '../engine/engine-output.error.js';
import { EngineTimeoutError } from '../engine/engine-timeout.error.js';

/** A low-cardinality class of a failed engine call, for `threadloom_engine_errors_total{class}`. */
export type EngineErrorClass =
  'timeout' | 'connection' | 'invalid_output' | 'rate_limited' | 'http_4xx' | 'http_5xx' | 'other';

/** Classifies an engine failure (before or after mapEngineError: the cause is kept either way). */
export function engineErrorClass(error: unknown): EngineErrorClass {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  for (const candidate of [error, cause]) {
    if (candidate instanceof EngineTimeoutError) return 'timeout';
    if (candidate instanceof EngineOutputError) return 'invalid_output';
    if (candidate instanceof APIConnectionError) return 'connection';
    if (candidate instanceof APIError) {
      const status = (candidate as APIError<number | undefined>).status ?? 0;
      if (status === 429) return 'rate_limited';
      if (status >= 500) return 'http_5xx';
      if (status >= 400) return 'http_4xx';
    }
  }
  if (error instanceof Error && error.message.startsWith('Invalid engine output')) return 'invalid_output';
  const status = /HTTP (\d{3})/.exec(error instanceof Error ? error.message : '')?.[1];
  if (status !== undefined) return Number(status) >= 500 ? 'http_5xx' : status === '429' ? 'rate_limited' : 'http_4xx';
  return 'other';
}
