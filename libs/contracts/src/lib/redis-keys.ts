import { lanePrefix, laneOfRequest } from './lanes.js';

/** Redis keys of one request, all under its lane's prefix so they share one hash slot. */
export interface RequestKeys {
  /** HASH: status, tenant, parameters, timestamps, error, result. */
  readonly record: string;
  /** STRING: JSON checkpoint `{ version, state, action }`; the state holds the prompt and response once. */
  readonly checkpoint: string;
  /** STREAM: progress events (XADD). */
  readonly events: string;
  /** ZSET: thread jobs holding a concurrency slot, scored by lease expiry. */
  readonly slots: string;
  /** HASH: `b<block>t<index>` → JSON thread result (text only until its join). */
  readonly threads: string;
}

/** Builds the key set of request `id`: under the prefix of the lane its id names (see lanes.ts). */
export function requestKeys(keyPrefix: string, id: string): RequestKeys {
  const base = `${lanePrefix(keyPrefix, laneOfRequest(id))}:req:${id}`;
  return {
    record: base,
    checkpoint: `${base}:checkpoint`,
    events: `${base}:events`,
    slots: `${base}:slots`,
    threads: `${base}:threads`,
  };
}

/** HASH: machine id → `<context tokens> <at>` its engine computed for request `id` (prefix-aware placement); expires. */
export function prefixHoldersKey(keyPrefix: string, id: string): string {
  return `${requestKeys(keyPrefix, id).record}:prefixes`;
}

/** Field of one thread's result in `RequestKeys.threads`. */
export function threadField(block: number, index: number): string {
  return `b${block}t${index}`;
}

/** STRING mapping an idempotency key to `<requestId> <bodyHash>`, in the lane of the requests it names. */
export function idempotencyKey(keyPrefix: string, lane: number, tenant: string, key: string): string {
  return `${lanePrefix(keyPrefix, lane)}:idem:${tenant}:${key}`;
}

/** Pub/sub channel on which cancellations of every lane are announced to every worker. */
export function cancelChannel(prefix: string): string {
  return `${prefix}:cancel`;
}

/** Deterministic BullMQ job ids (no ':' allowed, never all digits). */
export const jobIds = {
  reason: (requestId: string, step: number): string => `${requestId}-s${step}`,
  join: (requestId: string, block: number): string => `${requestId}-b${block}-join`,
  thread: (requestId: string, block: number, index: number): string => `${requestId}-b${block}-t${index}`,
} as const;

/** HASH: machine id → `<free sequence slots> <reported at, epoch ms>` of each engine, for placing jobs by free capacity. */
export function engineLoadKey(prefix: string): string {
  return `${prefix}:engine-load`;
}

/** ZSET: ids of a lane's requests not yet terminal, scored by creation time (epoch ms); the reaper's work list. */
export function liveRequestsKey(keyPrefix: string, lane: number): string {
  return `${lanePrefix(keyPrefix, lane)}:live`;
}

/** ZSET: ids of a lane's requests that carry a deadline, scored by it (epoch ms); the deadline sweep's work list. */
export function deadlinesKey(keyPrefix: string, lane: number): string {
  return `${lanePrefix(keyPrefix, lane)}:deadlines`;
}

/** STRING: the lock that elects one deadline sweep per round in a lane. */
export function deadlineSweepLockKey(keyPrefix: string, lane: number): string {
  return `${lanePrefix(keyPrefix, lane)}:deadline-lock`;
}

/** STRING: the lock that elects one reaper per round in a lane. */
export function reaperLockKey(keyPrefix: string, lane: number): string {
  return `${lanePrefix(keyPrefix, lane)}:reaper-lock`;
}

/** HASH: machine id → the `max_model_len` its engine serves, so producers can refuse what can never fit. */
export function servedContextKey(prefix: string): string {
  return `${prefix}:served-context`;
}
