import { redisScript, runScript, type RedisClient } from '@threadloom/queue';
import type { RateLimiter } from './rate-limiter.js';
import type { TakeResult } from './token-bucket.js';

// One atomic token bucket per key, on Redis's clock so API replicas share it exactly.
// Returns { allowed (1|0), milliseconds until a token is available }.
const TAKE_SCRIPT = redisScript(
  'rate-limit-take',
  `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) / 1000 * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, wait }
`,
);

/** Token buckets in Redis: one limit per key across every API replica (one key per script: any Cluster slot). */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async take(key: string, perSecond: number, burst: number): Promise<TakeResult> {
    const keys = [`${this.prefix}:ratelimit:${key}`];
    const [allowed, wait] = (await runScript(this.redis, TAKE_SCRIPT, keys, [perSecond, burst])) as [number, number];
    return allowed === 1 ? { ok: true } : { ok: false, retryAfterMs: wait };
  }
}
