import { isTerminalStatus, type NormalizedSubmission, type RequestStatus } from '@threadloom/contracts';
import type { Sampling } from '../engine/engine-client.js';
import type { RequestStore } from '@threadloom/queue';

/** What a job needs to know about its request besides the checkpoint. */
export interface RequestContext {
  readonly status: RequestStatus;
  readonly parameters: NormalizedSubmission['parameters'];
  readonly sampling: Sampling;
  readonly deadlineAt: number | null;
  readonly priority: number | undefined;
}

/** Loads the live request; undefined when it is gone or already terminal (the job then does nothing). */
export async function loadRequestContext(store: RequestStore, requestId: string): Promise<RequestContext | undefined> {
  const view = await store.view(requestId);
  if (view === undefined || isTerminalStatus(view.status)) return undefined;
  const parameters = JSON.parse((await store.field(requestId, 'parameters')) ?? '{}') as NormalizedSubmission['parameters'];
  const deadline = await store.field(requestId, 'deadlineAt');
  return {
    status: view.status,
    parameters,
    sampling: { temperature: parameters.temperature, topP: parameters.topP, seed: parameters.seed },
    deadlineAt: deadline === undefined ? null : Number(deadline),
    priority: parameters.priority,
  };
}

/** True when the request's deadline has passed. */
export function pastDeadline(context: RequestContext, now = Date.now()): boolean {
  return context.deadlineAt !== null && now >= context.deadlineAt;
}
