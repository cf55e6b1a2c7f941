import { randomBytes } from 'node:crypto';

/**
 * A fresh revision stamp for a checkpoint save. Drawn by the writer, never counted in Redis: a counter
 * would roll back with the data it stamps, and the point is that a redone save never reuses a stamp.
 */
export function newRevision(): string {
  return randomBytes(9).toString('base64url');
}
