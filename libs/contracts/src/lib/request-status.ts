/** Lifecycle of a reasoning request. Terminal states never change again. */
export const REQUEST_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<RequestStatus> = new Set(['completed', 'failed', 'cancelled', 'expired']);

/** True when the request can no longer change. */
export function isTerminalStatus(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}
