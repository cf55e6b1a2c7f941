import { createHash } from 'node:crypto';
import { idempotencyKey, IdempotencyConflictError, type NormalizedSubmission } from '@threadloom/contracts';

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

/** The idempotency claim a creation writes: `<requestId> <bodyHash>` under the tenant's key. */
export function idempotencyClaim(
  prefix: string,
  lane: number,
  tenant: string,
  key: string,
  requestId: string,
  hash: string,
  ttlSeconds: number,
): { key: string; value: string; ttlSeconds: number } {
  return { key: idempotencyKey(prefix, lane, tenant, key), value: `${requestId} ${hash}`, ttlSeconds };
}

/**
 * Reads a claim found already taken: the id of the request that owns it when the body is the same;
 * throws IdempotencyConflictError for a different body.
 */
export function ownerOfClaim(claimValue: string, key: string, hash: string): string {
  const [existingId = '', existingHash = ''] = claimValue.split(' ');
  if (existingHash !== hash) throw new IdempotencyConflictError(key, existingId);
  return existingId;
}
