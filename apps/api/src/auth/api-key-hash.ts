import { createHash } from 'node:crypto';

/** The stored form of an API key: lowercase hex SHA-256 of its UTF-8 bytes. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
