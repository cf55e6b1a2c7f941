import type { RedisClient } from '@threadloom/queue';
import { Cluster, type Redis } from 'ioredis';
import { RedisPolicyError } from './redis-policy.error.js';

/** Outcome of the startup check: warnings to log loudly (the worker still starts). */
interface RedisPolicyReport {
  readonly maxmemoryPolicy: string;
  readonly appendOnly: boolean;
  readonly warnings: readonly string[];
}

/**
 * Redis is the system of record for work in flight: any eviction policy but `noeviction` could
 * silently drop jobs or request state, so refuse to start. AOF off loses everything in flight on a Redis
 * restart: refused too, unless the development opt-out (REQUIRE_AOF=false) is set, then only warned.
 */
export async function checkRedisPolicy(redis: RedisClient, requireAof: boolean): Promise<RedisPolicyReport> {
  const policies = await configValues(redis, 'maxmemory-policy');
  const policy = policies.find((value) => value !== 'noeviction') ?? 'noeviction';
  if (policy !== 'noeviction') {
    throw new RedisPolicyError(
      `Redis maxmemory-policy is '${policy}', but threadloom needs 'noeviction' (queues and request state must never be evicted). ` +
        `Run 'CONFIG SET maxmemory-policy noeviction' and persist it in redis.conf.`,
    );
  }
  const appendOnly = (await configValues(redis, 'appendonly')).every((value) => value === 'yes');
  const warnings: string[] = [];
  if (!appendOnly) {
    const loss = 'Redis AOF is OFF (appendonly no): a Redis restart loses every request in flight.';
    if (requireAof)
      throw new RedisPolicyError(
        `${loss} Refusing to start: enable it ('CONFIG SET appendonly yes' and appendonly yes in redis.conf), ` +
          `or set REQUIRE_AOF=false to run without it in development.`,
      );
    warnings.push(`${loss} Running anyway because REQUIRE_AOF=false; never do this in production.`);
  }
  return { maxmemoryPolicy: policy, appendOnly, warnings };
}

/** The setting on the server, or on every master of a cluster. */
async function configValues(redis: RedisClient, name: string): Promise<string[]> {
  const servers: Redis[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
  return Promise.all(servers.map((server) => oneConfigValue(server, name)));
}

async function oneConfigValue(redis: Redis, name: string): Promise<string> {
  const reply: unknown = await redis.config('GET', name);
  if (Array.isArray(reply) && typeof reply[1] === 'string') return reply[1];
  throw new RedisPolicyError(`Could not read Redis CONFIG ${name} (is CONFIG disabled?)`);
}
