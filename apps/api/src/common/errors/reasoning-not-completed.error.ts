import type { RequestStatus } from '@threadloom/contracts';

/** A request the caller waited for ended without a result (failed, cancelled or expired). */
export class ReasoningNotCompletedError extends Error {
  override readonly name = 'ReasoningNotCompletedError';
  constructor(
    readonly requestId: string,
    readonly status: RequestStatus,
    detail: string | undefined,
  ) {
    super(`Reasoning request ${requestId} ended ${status}${detail ? `: ${detail}` : ''}.`);
  }
}
