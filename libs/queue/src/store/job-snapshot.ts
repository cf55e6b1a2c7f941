import { REQUEST_STATUSES, type RequestKeys, type RequestStatus } from '@threadloom/contracts';
import type { RedisClient } from '../redis/redis-client.js';
import type { Checkpoint } from './checkpoint.js';
import type { CheckpointCache } from './checkpoint-cache.js';
import { runScript } from './redis-script.js';
import { RUNTIME_SCRIPTS } from './runtime-scripts.js';
import type { StoredThread } from './stored-thread.js';

/** A request as a job sees it when it starts: record fields, checkpoint, and the thread it may have stored before. */
export interface JobSnapshot {
  readonly status: RequestStatus;
  /** The normalized parameters as stored (JSON). */
  readonly parameters: string | undefined;
  readonly deadlineAt: string | undefined;
  readonly checkpoint: Checkpoint | undefined;
  /** The checkpoint's revision stamp (unique per save); undefined for a record from before revisions. */
  readonly revision: string | undefined;
  readonly thread: StoredThread | undefined;
}

type SnapshotReply = [
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** Reads a snapshot in one round trip; the checkpoint comes from `cache` when it holds the record's revision. Undefined without a record. */
export async function loadJobSnapshot(
  redis: RedisClient,
  keys: RequestKeys,
  cache: CheckpointCache,
  id: string,
  threadField: string,
): Promise<JobSnapshot | undefined> {
  const args = [cache.save(id), threadField];
  const [status, parameters, deadlineAt, version, revision, checkpointJson, threadJson] = (await runScript(
    redis,
    RUNTIME_SCRIPTS.jobSnapshot,
    [keys.record, keys.checkpoint, keys.threads],
    args,
  )) as SnapshotReply;
  if (!isStatus(status)) return undefined;
  return {
    status,
    parameters: parameters ?? undefined,
    deadlineAt: deadlineAt ?? undefined,
    checkpoint: checkpointOf(cache, id, revision === null ? null : `${version ?? ''}:${revision}`, checkpointJson),
    revision: revision ?? undefined,
    thread: threadJson === null ? undefined : (JSON.parse(threadJson) as StoredThread),
  };
}

/** The checkpoint sent, or the cached one under `save` (`<version>:<revision>`, null for a record without a revision). */
function checkpointOf(
  cache: CheckpointCache,
  id: string,
  save: string | null,
  json: string | null,
): Checkpoint | undefined {
  if (json === null) return save === null ? undefined : cache.get(id, save);
  const checkpoint = JSON.parse(json) as Checkpoint;
  // A record without a revision cannot tell a redone version from a lost one: never cached.
  if (save !== null) cache.set(id, save, checkpoint);
  return checkpoint;
}

function isStatus(value: string | null): value is RequestStatus {
  return (REQUEST_STATUSES as readonly (string | null)[]).includes(value);
}
