/**
 * Marks member ARGV[1] (request ARGV[2]) of a rollout group terminal, once. KEYS[1]=group hash.
 * Returns -1 when the group does not exist, 2 when it is already committed, 1 when this call or an
 * earlier one completed the set of k members (the caller should compute the group), 0 otherwise.
 */
export const MARK_MEMBER_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HSETNX', KEYS[1], 'm' .. ARGV[1], ARGV[2]) == 1 then redis.call('HINCRBY', KEYS[1], 'settled', 1) end
if redis.call('HEXISTS', KEYS[1], 'committedAt') == 1 then return 2 end
local settled = tonumber(redis.call('HGET', KEYS[1], 'settled') or '0')
if settled >= tonumber(redis.call('HGET', KEYS[1], 'k')) then return 1 end
return 0
`;

/**
 * Claims the computation of a group for ARGV[2] ms under token ARGV[1], unless it is committed or
 * someone holds a live claim. KEYS[1]=group hash, KEYS[2]=claim. Returns 1 claimed, 0 busy, 2 committed.
 */
export const CLAIM_GROUP_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], 'committedAt') == 1 then return 2 end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[1], 'claims', 1)
return 1
`;

/**
 * Commits a group's outcome exactly once: nothing is written when it is already committed.
 * KEYS[1]=group hash, KEYS[2]=open set, KEYS[3]=claim; ARGV=group id, now, claim token, retention
 * seconds, then field/value pairs. Returns 1 committed, 0 already committed, -1 no such group.
 */
export const COMMIT_GROUP_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HEXISTS', KEYS[1], 'committedAt') == 1 then return 0 end
for i = 5, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[1], 'committedAt', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'commits', 1)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('GET', KEYS[3]) == ARGV[3] then redis.call('DEL', KEYS[3]) end
return 1
`;
