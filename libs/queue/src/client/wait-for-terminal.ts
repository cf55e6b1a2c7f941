import { setTimeout as sleep } from 'node:timers/promises';
import { isTerminalStatus, type RequestView } from '@threadloom/contracts';
import type { RequestStore } from '../store/request-store.js';
import { UnknownRequestError } from './unknown-request.error.js';
import { WaitTimeoutError } from './wait-timeout.error.js';

/** First poll interval; grows ×1.5 up to MAX_POLL_MS so many waiters stay cheap. */
const POLL_MS = 25;
const MAX_POLL_MS = 500;

/** Polls the request record (backing off) until it is terminal, the timeout passes, or the signal aborts. */
export async function waitForTerminal(
  store: RequestStore,
  id: string,
  options: { timeoutMs?: number; signal?: AbortSignal },
): Promise<RequestView> {
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
  let pollMs = POLL_MS;
  for (;;) {
    options.signal?.throwIfAborted();
    const view = await store.view(id);
    if (view === undefined) throw new UnknownRequestError(id);
    if (isTerminalStatus(view.status)) return view;
    if (Date.now() >= deadline) throw new WaitTimeoutError(id, options.timeoutMs ?? 0);
    await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
    pollMs = Math.min(MAX_POLL_MS, pollMs * 1.5);
  }
}
