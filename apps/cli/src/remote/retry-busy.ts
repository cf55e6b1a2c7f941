import { setTimeout as sleep } from 'node:timers/promises';
import { ApiCallError } from './api-call.error.js';
import { ApiUnreachableError } from './api-unreachable.error.js';

/** Told before each wait: why and for how long. */
export type BusyListener = (error: ApiCallError, waitSeconds: number) => void;

/** How often a call whose connection broke mid-way is tried again (backoff 0.25 s, doubling). */
const TRANSIENT_RETRIES = 5;

/**
 * Runs `call`, waiting out 429 and 503 answers as long as their `Retry-After` says (or 1 s), until
 * the signal aborts, and retrying a few times when a connection broke mid-way. Only for calls that
 * are safe to repeat (reads, and creations with an idempotency key).
 */
export async function retryWhileBusy<T>(
  call: () => Promise<T>,
  onWait: BusyListener,
  signal?: AbortSignal,
): Promise<T> {
  const options = signal === undefined ? {} : { signal };
  for (let broken = 0; ;) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiUnreachableError && error.transient && broken < TRANSIENT_RETRIES) {
        await sleep(250 * 2 ** broken, undefined, options);
        broken += 1;
        continue;
      }
      if (!(error instanceof ApiCallError) || (error.status !== 429 && error.status !== 503)) throw error;
      const wait = Math.max(error.answer.retryAfterSeconds ?? 1, 0.1);
      onWait(error, wait);
      await sleep(wait * 1000, undefined, options);
    }
  }
}
