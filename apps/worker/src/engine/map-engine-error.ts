import { UnrecoverableError } from 'bullmq';
import { APIConnectionError, APIError } from 'openai';
import { EngineOutputError } from './engine-output.error.js';
import { EngineTimeoutError } from './engine-timeout.error.js';
import { RequestAbortedError } from './request-aborted.error.js';

/** HTTP statuses that mean the same request would fail again. */
const DETERMINISTIC_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 413, 422]);

/**
 * The one place that classifies engine failures. Deterministic ones (bad request, unknown model,
 * invalid output) become UnrecoverableError so BullMQ fails the job at once; transient ones (429, 5xx,
 * timeouts, resets, anything unknown) are returned unchanged so BullMQ retries them with backoff.
 */
export function mapEngineError(error: unknown): Error {
  if (error instanceof RequestAbortedError || error instanceof EngineTimeoutError) return error;
  if (error instanceof EngineOutputError) return new UnrecoverableError(`Invalid engine output: ${error.message}`);
  if (error instanceof APIError && !(error instanceof APIConnectionError)) {
    const status: number | undefined = (error as APIError<number | undefined>).status;
    if (status !== undefined && DETERMINISTIC_STATUSES.has(status)) {
      return new UnrecoverableError(`Engine rejected the request (HTTP ${status}): ${error.message}`);
    }
    return error;
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** True when BullMQ should not retry this (already mapped) error. */
export function isUnrecoverable(error: Error): boolean {
  return error instanceof UnrecoverableError || error instanceof RequestAbortedError;
}
