import { createHash } from 'node:crypto';
import { idempotencyKey, IdempotencyConflictError, type NormalizedSubmission } from '@threadloom/contracts';
import type { Redis } from 'ioredis';

/** Stable hash of a normalized submission (keys sorted), to tell a replay from a conflicting reuse. */
export function submissionHash(submission: NormalizedSubmission): string {
  return createHash('sha256').update(stableJson(submission)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Claims `key` for `requestId`. Returns undefined when claimed (go ahead and create), or the id of the
 * request that already owns it with the same body; throws IdempotencyConflictError for a different body.
 */
export async function claimIdempotencyKey(
  redis: Redis,
  prefix: string,
  tenant: string,
  key: string,
  requestId: string,
  hash: string,
  ttlSeconds: number,
): Promise<string | undefined> {
  const redisKey = idempotencyKey(prefix, tenant, key);
  const claimed = await redis.set(redisKey, `${requestId} ${hash}`, 'EX', ttlSeconds, 'NX');
  if (claimed === 'OK') return undefined;
  const [existingId = '', existingHash = ''] = ((await redis.get(redisKey)) ?? '').split(' ');
  if (existingHash !== hash) throw new IdempotencyConflictError(key, existingId);
  return existingId;
}
