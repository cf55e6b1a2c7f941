// API keys of the system tests: the API process only ever sees their SHA-256.
import { createHash } from 'node:crypto';

export const KEYS = {
  alice: 'tl-test-alice-8c1f4e',
  bob: 'tl-test-bob-55a0d2',
  reader: 'tl-test-reader-0b77e1',
  admin: 'tl-test-admin-e93c40',
  throttled: 'tl-test-throttled-4d21aa',
  shared: 'tl-test-shared-19f7c3',
} as const;

const sha256 = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The `API_KEYS` value: alice and reader share tenant acme, bob is globex, admin is ops. */
export const API_KEYS_ENV = JSON.stringify([
  { name: 'alice', sha256: sha256(KEYS.alice), tenant: 'acme', scopes: ['submit', 'read'] },
  { name: 'bob', sha256: sha256(KEYS.bob), tenant: 'globex', scopes: ['submit', 'read'] },
  { name: 'reader', sha256: sha256(KEYS.reader), tenant: 'acme', scopes: ['read'] },
  { name: 'admin', sha256: sha256(KEYS.admin), tenant: 'ops', scopes: ['submit', 'read', 'admin'] },
  {
    name: 'throttled',
    sha256: sha256(KEYS.throttled),
    tenant: 'acme',
    scopes: ['submit', 'read'],
    rateLimitPerSecond: 0.01,
  },
  { name: 'shared', sha256: sha256(KEYS.shared), tenant: 'acme', scopes: ['read'], rateLimitPerSecond: 0.01 },
]);

/** `Authorization` header value for a key. */
export const bearer = (key: string): string => `Bearer ${key}`;
