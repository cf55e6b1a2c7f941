import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from '../limits/rate-limit.guard.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { AuthService } from './auth.service.js';

/** API-key authentication and per-key rate limiting, applied to every route. */
@Module({
  providers: [AuthService, { provide: APP_GUARD, useClass: ApiKeyGuard }, { provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [AuthService],
})
export class AuthModule {}
