import type { ExecutionContext } from '@nestjs/common';
import { findFreePort } from '@threadloom/devstack';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticatedRequest } from '../auth/current-principal.decorator.js';
import { RateLimitedError } from '../common/errors/rate-limited.error.js';
import { RuntimeUnavailableError } from '../common/errors/runtime-unavailable.error.js';
import type { ApiConfig } from '../config/api-config.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import type { RateLimiter } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';

const config = { rateLimit: { perSecond: 1, burst: 1, store: 'redis' } } as unknown as ApiConfig;

function httpContext(request: Partial<AuthenticatedRequest>): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

const tenant = { principal: { keyId: 'k1' }, method: 'POST' } as unknown as Partial<AuthenticatedRequest>;

function guardWith(limiter: RateLimiter): RateLimitGuard {
  return new RateLimitGuard(config, limiter, new MetricsService());
}

describe('RateLimitGuard', () => {
  let unreachable: Redis;

  beforeAll(async () => {
    // Nothing listens on this port: every command fails at once (no offline queue), as during an outage.
    const port = await findFreePort();
    unreachable = new Redis({
      port,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    unreachable.on('error', () => undefined); // the refused connection is the point
    await unreachable.connect().catch(() => undefined);
  });
  afterAll(() => unreachable.disconnect());

  it('lets a call within the limit through and refuses the next with a Retry-After', async () => {
    const guard = guardWith(new MemoryRateLimiter());
    await expect(guard.canActivate(httpContext(tenant))).resolves.toBe(true);
    const refused = await guard.canActivate(httpContext(tenant)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
  });

  it('fails closed with runtime unavailable when the limiter cannot be read, instead of letting the call in', async () => {
    const guard = guardWith(new RedisRateLimiter(unreachable, '{tl-guard}'));
    const refused = await guard.canActivate(httpContext(tenant)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RuntimeUnavailableError);
    expect((refused as Error).message).toBe('the rate limiter could not be read');
  });

  it('never consults the limiter for a public route', async () => {
    const guard = guardWith(new RedisRateLimiter(unreachable, '{tl-guard}'));
    await expect(guard.canActivate(httpContext({ method: 'GET' }))).resolves.toBe(true);
  });
});
