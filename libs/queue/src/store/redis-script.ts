import { createHash } from 'node:crypto';
import type { RedisClient } from '../redis/redis-client.js';

/** A Lua script sent once per connection: EVALSHA afterwards, so Redis neither re-reads nor re-hashes the body per call. */
export interface RedisScript {
  readonly body: string;
  readonly sha: string;
}

/** Wraps a script body with its SHA1 (what EVALSHA names it by). */
export function redisScript(body: string): RedisScript {
  return { body, sha: createHash('sha1').update(body).digest('hex') };
}

/** EVALSHA, falling back to EVAL when Redis has not cached the script yet (fresh or restarted server). */
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
