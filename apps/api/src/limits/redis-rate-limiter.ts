import type { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limiter.js';
import type { TakeResult } from './token-bucket.js';

// One atomic token bucket per key, on Redis's clock so API replicas share it exactly.
// Returns { allowed (1|0), milliseconds until a token is available }.
const TAKE_SCRIPT = `
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
`;

type TakeCommand = (key: string, rate: number, burst: number) => Promise<[number, number]>;

/** Token buckets in Redis: one limit per key across every API replica. */
export class RedisRateLimiter implements RateLimiter {
  private readonly takeCommand: TakeCommand;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('threadloomTakeToken', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.takeCommand = (redis as unknown as { threadloomTakeToken: TakeCommand }).threadloomTakeToken.bind(redis);
  }

  async take(key: string, perSecond: number, burst: number): Promise<TakeResult> {
    const [allowed, wait] = await this.takeCommand(`${this.prefix}:ratelimit:${key}`, perSecond, burst);
    return allowed === 1 ? { ok: true } : { ok: false, retryAfterMs: wait };
  }
}
