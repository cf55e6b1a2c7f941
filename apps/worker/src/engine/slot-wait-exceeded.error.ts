import { UnrecoverableError } from 'bullmq';

/** A thread waited longer than MAX_HANDBACK_WAIT_MS for one of its request's concurrency slots (not retried). */
export class SlotWaitExceededError extends UnrecoverableError {
  override readonly name = 'SlotWaitExceededError';
}
