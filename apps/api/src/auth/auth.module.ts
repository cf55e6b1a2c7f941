import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { RedisClient } from '@threadloom/queue';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { MemoryRateLimiter } from '../limits/memory-rate-limiter.js';
import { RateLimitGuard } from '../limits/rate-limit.guard.js';
import { RATE_LIMITER } from '../limits/rate-limiter.js';
import { RedisRateLimiter } from '../limits/redis-rate-limiter.js';
import { API_REDIS } from '../queues/redis.tokens.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { AuthService } from './auth.service.js';

/** API-key authentication and per-key rate limiting, applied to every route. */
@Module({
  providers: [
    AuthService,
    {
      provide: RATE_LIMITER,
      inject: [API_CONFIG, API_REDIS],
      useFactory: (config: ApiConfig, redis: RedisClient) =>
        config.rateLimit.store === 'redis' ? new RedisRateLimiter(redis, config.keyPrefix) : new MemoryRateLimiter(),
    },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
