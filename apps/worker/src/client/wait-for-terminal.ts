import { isTerminalStatus, type RequestView } from '@threadloom/contracts';
import type { RequestStore } from '../store/request-store.js';
import { WaitTimeoutError } from './wait-timeout.error.js';

const POLL_MS = 50;

/** Polls the request record until it is terminal, the timeout passes, or the signal aborts. */
export async function waitForTerminal(store: RequestStore, id: string, options: { timeoutMs?: number; signal?: AbortSignal }): Promise<RequestView> {
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const view = await store.view(id);
    if (view === undefined) throw new Error(`Unknown request ${id}`);
    if (isTerminalStatus(view.status)) return view;
    if (Date.now() >= deadline) throw new WaitTimeoutError(id, options.timeoutMs ?? 0);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
