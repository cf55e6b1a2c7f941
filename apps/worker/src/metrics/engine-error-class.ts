import { EngineOutputError, EngineTimeoutError } from '@threadloom/engine-client';

/** A low-cardinality class of a failed engine call, for `threadloom_engine_errors_total{class}`. */
type EngineErrorClass =
  'timeout' | 'connection' | 'invalid_output' | 'rate_limited' | 'http_4xx' | 'http_5xx' | 'other';

/** Classifies an engine failure as the engine client threw it (the openai SDK's errors carry `status`). */
export function engineErrorClass(error: unknown): EngineErrorClass {
  if (error instanceof EngineTimeoutError) return 'timeout';
  if (error instanceof EngineOutputError) return 'invalid_output';
  if (!(error instanceof Error)) return 'other';
  if (error.name.startsWith('APIConnection')) return 'connection';
  const status = (error as Error & { status?: unknown }).status;
  if (typeof status !== 'number') return 'other';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'http_5xx' : status >= 400 ? 'http_4xx' : 'other';
}
