import { isTerminalStatus, type NormalizedSubmission, type RequestStatus } from '@threadloom/contracts';
import type { Checkpoint, RequestStore, StoredThread } from '@threadloom/queue';

/** What a job needs to know about its request besides the checkpoint. */
export interface RequestContext {
  readonly status: RequestStatus;
  readonly parameters: NormalizedSubmission['parameters'];
  readonly deadlineAt: number | null;
  readonly priority: number | undefined;
}

/** A live request as a job starts on it: context, checkpoint and (for threads) the result it may have stored before. */
interface LoadedJob {
  readonly context: RequestContext;
  readonly checkpoint: Checkpoint;
  /** The checkpoint's revision stamp (undefined for a record from before revisions). */
  readonly revision: string | undefined;
  readonly thread: StoredThread | undefined;
}

/**
 * Loads the live request in one round trip (see RequestStore.snapshot); undefined when it is gone,
 * already terminal or has no checkpoint (the job then does nothing).
 */
export async function loadJob(
  store: RequestStore,
  requestId: string,
  thread?: { block: number; index: number },
): Promise<LoadedJob | undefined> {
  const snapshot = await store.snapshot(requestId, thread);
  if (snapshot === undefined || isTerminalStatus(snapshot.status) || snapshot.checkpoint === undefined)
    return undefined;
  const parameters = JSON.parse(snapshot.parameters ?? '{}') as NormalizedSubmission['parameters'];
  const context: RequestContext = {
    status: snapshot.status,
    parameters,
    deadlineAt: snapshot.deadlineAt === undefined ? null : Number(snapshot.deadlineAt),
    priority: parameters.priority,
  };
  return { context, checkpoint: snapshot.checkpoint, revision: snapshot.revision, thread: snapshot.thread };
}

/** True when the request's deadline has passed. */
export function pastDeadline(context: RequestContext, now = Date.now()): boolean {
  return context.deadlineAt !== null && now >= context.deadlineAt;
}
