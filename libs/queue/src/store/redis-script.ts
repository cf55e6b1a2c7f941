import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis/redis-client.js';

/**
 * A Lua script sent by SHA1 (EVALSHA), so Redis neither re-reads nor re-hashes the body per call; the
 * body goes once more (EVAL) when a server has not cached it: fresh, restarted, or a replica just
 * promoted by a Cluster failover.
 *
 * Not an ioredis custom command (`defineCommand`): on a Redis Cluster those failed with NOSCRIPT and
 * cross-slot pipeline errors right after a master failed over (test/cluster/cluster-failover.test.ts),
 * because ioredis remembers per socket which scripts it sent; here both commands are routed by the key.
 */
export interface RedisScript {
  /** For logs and errors. */
  readonly name: string;
  readonly body: string;
  readonly sha: string;
}

/** Names a script body and computes the SHA1 EVALSHA calls it by. */
export function redisScript(name: string, body: string): RedisScript {
  return { name, body, sha: createHash('sha1').update(body).digest('hex') };
}

/** EVALSHA, falling back to EVAL when the server answers NOSCRIPT. */
export async function runScript(
  redis: RedisClient,
  script: RedisScript,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return redis.eval(script.body, keys.length, ...keys, ...args);
  }
}
