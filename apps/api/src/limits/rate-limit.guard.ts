import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/current-principal.decorator.js';
import { RateLimitedError } from '../common/errors/rate-limited.error.js';
import { RuntimeUnavailableError } from '../common/errors/runtime-unavailable.error.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { RATE_LIMITER, type RateLimiter } from './rate-limiter.js';

/** Global guard (after auth): a token bucket per API key. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    private readonly metrics: MetricsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (!principal) return true; // public route
    const rate = principal.rateLimitPerSecond ?? this.config.rateLimit.perSecond;
    // Fail closed (503, Retry-After): a limiter that cannot answer — Redis down, or too slow under
    // load — must not wave requests through exactly when backpressure matters most.
    const taken = await this.limiter
      .take(principal.keyId, rate, this.config.rateLimit.burst)
      .catch((error: unknown) => {
        throw new RuntimeUnavailableError('the rate limiter could not be read', { cause: error });
      });
    if (taken.ok) return true;
    if (request.method === 'POST') this.metrics.submission('rate_limited');
    throw new RateLimitedError(Math.max(1, Math.ceil(taken.retryAfterMs / 1000)));
  }
}
