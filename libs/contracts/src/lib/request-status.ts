/** Lifecycle of a reasoning request. Terminal states never change again. */
export const REQUEST_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The statuses a request ends in (the one list: the store's Lua scripts, event streams and clients use it). */
export const TERMINAL_STATUSES = [
  'completed',
  'failed',
  'cancelled',
  'expired',
] as const satisfies readonly RequestStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATUSES);

/** True when the request can no longer change; accepts any string (a status read off the wire). */
export function isTerminalStatus(status: string): status is TerminalStatus {
  return TERMINAL.has(status);
}
