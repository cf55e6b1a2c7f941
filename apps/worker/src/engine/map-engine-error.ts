import { UnrecoverableError } from 'bullmq';
import { classifyEngineError } from '@threadloom/engine-client';

/**
 * An engine failure as BullMQ should see it (classification: classifyEngineError). Deterministic
 * failures become UnrecoverableError so the job fails at once; transient ones are returned unchanged
 * so BullMQ retries them with backoff; deliberate aborts are returned as they are.
 */
export function mapEngineError(error: unknown): Error {
  const failure = classifyEngineError(error);
  return failure.kind === 'deterministic' ? new UnrecoverableError(failure.message) : failure.error;
}
