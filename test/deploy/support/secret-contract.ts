// The Secret `threadloom-secrets` that the gpu and production overlays expect the operator to
// create (docs/deployment.md lists the same keys). Sample values stand in for it in the checks.
import { createHash } from 'node:crypto';

/** The Secret every overlay reads. */
export const SECRET_NAME = 'threadloom-secrets';

/** The API key the sample `api-keys` entry hashes. */
const SAMPLE_API_KEY = 'deployment-check-key';

/** Keys the operator may put in the Secret, with a sample value of the right shape. */
export const SECRET_KEYS: Readonly<Record<string, string>> = {
  'api-keys': JSON.stringify([
    {
      name: 'deployment-check',
      sha256: createHash('sha256').update(SAMPLE_API_KEY).digest('hex'),
      tenant: 'default',
      scopes: ['submit', 'read'],
    },
  ]),
  'redis-password': 'sample-redis-password',
  'hf-token': 'hf_sample',
  'engine-api-key': 'sample-engine-key',
  'redis-url': 'rediss://default:sample@redis.example.com:6380',
  'redis-address': 'redis.example.com:6380',
  'redis-cluster-nodes': 'redis-0.example.com:6380,redis-1.example.com:6380,redis-2.example.com:6380',
};
