import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { RateLimitedError } from '../common/errors/rate-limited.error.js';
import type { AuthenticatedRequest } from '../auth/current-principal.decorator.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { TokenBuckets } from './token-bucket.js';

/** Global guard (after auth): a per-key token bucket, per API process. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly metrics: MetricsService,
  ) {
    this.buckets = new TokenBuckets(config.rateLimit.burst);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (!principal) return true; // public route
    const taken = this.buckets.take(principal.keyId, principal.rateLimitPerSecond ?? this.config.rateLimit.perSecond);
    if (taken.ok) return true;
    if (request.method === 'POST') this.metrics.submission('rate_limited');
    throw new RateLimitedError(Math.max(1, Math.ceil(taken.retryAfterMs / 1000)));
  }
}
