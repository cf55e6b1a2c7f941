import { TERMINAL_STATUSES } from '@threadloom/contracts';

/** Lua condition: the `status` local holds a terminal status. */
const IS_TERMINAL = TERMINAL_STATUSES.map((status) => `status == '${status}'`).join(' or ');

/** Moves a request to a new status unless it is already terminal. KEYS[1]=record; ARGV=status, now, field/value pairs. */
export const TRANSITION_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 0 end
if ${IS_TERMINAL} then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'updatedAt', ARGV[2], unpack(ARGV, 3))
return 1
`;

/**
 * Saves checkpoint version ARGV[2] only if the stored one is ARGV[1] with revision ARGV[6] (the one the
 * step was computed from; '' checks the version only) and the request is live, stamped with revision
 * ARGV[5]: unique per save, so a version written again after Redis lost writes (an AOF rollback, a
 * failover) is told apart from the lost one that a worker may still hold or have computed from.
 * KEYS[1]=record, KEYS[2]=checkpoint; ARGV=expected, next, json, now, revision, expected revision.
 * Returns 1 saved, 0 stale, -1 terminal.
 */
export const SAVE_CHECKPOINT_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if ${IS_TERMINAL} then return -1 end
if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
if ARGV[6] ~= '' and redis.call('HGET', KEYS[1], 'revision') ~= ARGV[6] then return 0 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'revision', ARGV[5], 'updatedAt', ARGV[4])
return 1
`;

/**
 * Takes a concurrency slot of a request for a thread job (re-entrant, leases expire).
 * KEYS[1]=slots zset; ARGV=member, now, leaseMs, max. Returns 1 acquired, 0 full.
 */
export const ACQUIRE_SLOT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
local expiry = tonumber(ARGV[2]) + tonumber(ARGV[3])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], expiry, ARGV[1])
  return 1
end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], expiry, ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3] * 4)
return 1
`;

/**
 * What a job reads before it acts, in one round trip: record fields, the checkpoint unless the caller
 * already holds that save (`<version>:<revision>`: the version too, since a worker from before revisions
 * saves without changing the stamp; a record without a revision always sends it), and optionally one
 * stored thread. KEYS[1]=record, KEYS[2]=checkpoint, KEYS[3]=threads; ARGV=cached `<version>:<revision>`
 * ('' for none), thread field ('' for none).
 * Returns status, parameters, deadlineAt, version, revision, checkpoint JSON (false when cached), thread JSON.
 */
export const JOB_SNAPSHOT_SCRIPT = `
local fields = redis.call('HMGET', KEYS[1], 'status', 'parameters', 'deadlineAt', 'version', 'revision')
local checkpoint = false
if not fields[5] or (fields[4] .. ':' .. fields[5]) ~= ARGV[1] then checkpoint = redis.call('GET', KEYS[2]) end
local thread = false
if ARGV[2] ~= '' then thread = redis.call('HGET', KEYS[3], ARGV[2]) end
return {fields[1], fields[2], fields[3], fields[4], fields[5], checkpoint, thread}
`;

/**
 * Creates a request and claims its idempotency key in one step: nothing is claimed unless the request
 * exists, and the key is written last so a failure part-way leaves it free.
 * KEYS[1]=record, KEYS[2]=checkpoint, KEYS[3]=events, KEYS[4]=live set, KEYS[5]=deadline set,
 * KEYS[6]=idempotency key (optional); ARGV=id, now, checkpoint JSON, events max length, key value, key TTL
 * seconds, deadline (epoch ms, '' for none), then record field/value pairs.
 * Returns the key's current value when it is already claimed (nothing written), else false.
 */
export const CREATE_REQUEST_SCRIPT = `
if KEYS[6] then
  local existing = redis.call('GET', KEYS[6])
  if existing then return existing end
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'status', 'queued', 'version', '0', 'createdAt', ARGV[2], 'updatedAt', ARGV[2], unpack(ARGV, 8))
redis.call('SET', KEYS[2], ARGV[3])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'type', 'queued', 'at', ARGV[2], 'data', '{}')
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
if ARGV[7] ~= '' then redis.call('ZADD', KEYS[5], ARGV[7], ARGV[1]) end
if KEYS[6] then redis.call('SET', KEYS[6], ARGV[5], 'EX', ARGV[6]) end
return false
`;

/** Deletes KEYS[1] only while it still holds ARGV[1] (releases an idempotency claim we made). */
export const RELEASE_CLAIM_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Stores a thread and appends its event in one step (no event without the result), only while the
 * checkpoint is still the fork revision the thread ran for: a thread run that outlived its fork (Redis
 * lost the fork and redid it, so its prompt may differ) must not stand in for the redone fork's thread.
 * KEYS[1]=threads hash, KEYS[2]=events, KEYS[3]=record; ARGV=field, thread JSON, events max length,
 * event type, now, data JSON, fork revision ('' for a record without revisions). Returns 1 stored, 0 refused.
 */
export const PUT_THREAD_WITH_EVENT_SCRIPT = `
if ARGV[7] ~= '' and redis.call('HGET', KEYS[3], 'revision') ~= ARGV[7] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'type', ARGV[4], 'at', ARGV[5], 'data', ARGV[6])
return 1
`;

/**
 * Overwrites threads of a joined block (their texts blanked once the join copied them into the state),
 * only while the checkpoint is past the block's fork version: a join whose commit Redis lost must not
 * blank the texts the redone join still has to read. KEYS[1]=threads hash, KEYS[2]=record;
 * ARGV=fork version, then field/value pairs. Returns 1 written, 0 refused.
 */
export const PUT_JOINED_THREADS_SCRIPT = `
local version = tonumber(redis.call('HGET', KEYS[2], 'version'))
if not version or version <= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
return 1
`;

/**
 * A settled request's keys: retention TTL on KEYS[1..4] (record, checkpoint, events, threads), its slots
 * (KEYS[5]) deleted, its id (ARGV[2]) out of the live set (KEYS[6]); ARGV[1]=TTL seconds.
 */
export const RETAIN_SETTLED_SCRIPT = `
for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[1]) end
redis.call('DEL', KEYS[5])
redis.call('ZREM', KEYS[6], ARGV[2])
return 1
`;
