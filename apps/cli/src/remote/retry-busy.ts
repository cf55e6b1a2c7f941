import { setTimeout as sleep } from 'node:timers/promises';
import { ApiCallError } from './api-call.error.js';

/** Told before each wait: why and for how long. */
export type BusyListener = (error: ApiCallError, waitSeconds: number) => void;

/** Runs `call`, waiting out 429 and 503 answers as long as their `Retry-After` says (or 1 s), until the signal aborts. */
export async function retryWhileBusy<T>(
  call: () => Promise<T>,
  onWait: BusyListener,
  signal?: AbortSignal,
): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiCallError) || (error.status !== 429 && error.status !== 503)) throw error;
      const wait = Math.max(error.answer.retryAfterSeconds ?? 1, 0.1);
      onWait(error, wait);
      await sleep(wait * 1000, undefined, signal === undefined ? {} : { signal });
    }
  }
}
