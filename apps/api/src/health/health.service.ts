import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { RedisClient } from '@threadloom/queue';
import { QUEUE_INSPECTOR, type QueueInspector } from '../queues/queue-inspector.js';
import { API_REDIS } from '../queues/redis.tokens.js';

const CHECK_TIMEOUT_MS = 2_000;

/** Result of a readiness probe. */
interface Readiness {
  readonly ready: boolean;
  readonly checks: Record<string, unknown>;
}

/** Liveness and readiness (Redis answers, queues readable, not draining). */
@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  private draining = false;

  constructor(
    @Inject(API_REDIS) private readonly redis: RedisClient,
    @Inject(QUEUE_INSPECTOR) private readonly queues: QueueInspector,
  ) {}

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  async readiness(): Promise<Readiness> {
    if (this.draining) return { ready: false, checks: { shutdown: 'draining' } };
    const [redis, queues] = await Promise.allSettled([
      withTimeout(this.redis.ping()),
      withTimeout(this.queues.check()),
    ]);
    const checks = {
      redis: redis.status === 'fulfilled' ? 'up' : `down: ${reason(redis.reason)}`,
      queues: queues.status === 'fulfilled' ? queues.value : `down: ${reason(queues.reason)}`,
    };
    return { ready: redis.status === 'fulfilled' && queues.status === 'fulfilled', checks };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    sleep(CHECK_TIMEOUT_MS, undefined, { ref: false }).then(() => {
      throw new Error('timeout');
    }),
  ]);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
