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
  readonly thread: StoredThread | undefined;
}

type SnapshotReply = [string | null, string | null, string | null, string | null, string | null, string | null];

/** Reads a snapshot in one round trip; the checkpoint comes from `cache` when it holds the record's version. Undefined without a record. */
export async function loadJobSnapshot(
  redis: RedisClient,
  keys: RequestKeys,
  cache: CheckpointCache,
  id: string,
  threadField: string,
): Promise<JobSnapshot | undefined> {
  const args = [String(cache.version(id)), threadField];
  const [status, parameters, deadlineAt, version, checkpointJson, threadJson] = (await runScript(
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
    checkpoint: checkpointOf(cache, id, Number(version), checkpointJson),
    thread: threadJson === null ? undefined : (JSON.parse(threadJson) as StoredThread),
  };
}

function checkpointOf(
  cache: CheckpointCache,
  id: string,
  version: number,
  json: string | null,
): Checkpoint | undefined {
  if (json === null) return cache.get(id, version);
  const checkpoint = JSON.parse(json) as Checkpoint;
  cache.set(id, checkpoint);
  return checkpoint;
}

function isStatus(value: string | null): value is RequestStatus {
  return (REQUEST_STATUSES as readonly (string | null)[]).includes(value);
}
