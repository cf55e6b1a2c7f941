import { setTimeout as sleep } from 'node:timers/promises';
import { shutdownTelemetry } from '@threadloom/telemetry';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { ReasoningClient } from '@threadloom/contracts';
import type { RedisClient } from '@threadloom/queue';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { BacklogGate } from '../limits/backlog-gate.service.js';
import { ServedContext } from '../limits/served-context.service.js';
import { StreamAdmission } from '../limits/stream-admission.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { RECENT_INDEX } from '../recent/recent-index.js';
import { RedisRecentIndex } from '../recent/redis-recent-index.js';
import { createReasoningClient } from '../reasoning/reasoning-client.factory.js';
import { REASONING_CLIENT } from '../reasoning/reasoning-client.token.js';
import { BullMqQueueInspector } from './bullmq-queue-inspector.js';
import { QUEUE_INSPECTOR, type QueueInspector } from './queue-inspector.js';
import { API_REDIS } from './redis.tokens.js';
import { requestPathRedis } from './request-path-redis.js';
import { ShutdownSignal } from './shutdown-signal.service.js';

const CLOSE_BOUND_MS = 2_000;

/** Connections to the runtime (config, Redis, queues, reasoning client) shared by every feature; closed on shutdown. */
@Global()
@Module({})
export class RuntimeModule implements OnApplicationShutdown {
  constructor(
    @Inject(REASONING_CLIENT) private readonly client: ReasoningClient,
    @Inject(QUEUE_INSPECTOR) private readonly queues: QueueInspector,
    @Inject(API_REDIS) private readonly redis: RedisClient,
  ) {}

  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: API_REDIS, useFactory: () => requestPathRedis(config, 'threadloom-api') },
        {
          provide: QUEUE_INSPECTOR,
          useFactory: () =>
            new BullMqQueueInspector(requestPathRedis(config, 'threadloom-api-queues'), config.keyPrefix, config.lanes),
        },
        { provide: REASONING_CLIENT, useFactory: () => createReasoningClient(config) },
        {
          provide: RECENT_INDEX,
          inject: [API_REDIS],
          useFactory: (redis: RedisClient) => new RedisRecentIndex(redis, config.keyPrefix),
        },
        MetricsService,
        BacklogGate,
        ServedContext,
        StreamAdmission,
        ShutdownSignal,
      ],
      exports: [
        API_CONFIG,
        API_REDIS,
        QUEUE_INSPECTOR,
        REASONING_CLIENT,
        RECENT_INDEX,
        MetricsService,
        BacklogGate,
        ServedContext,
        StreamAdmission,
        ShutdownSignal,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    // Closing waits for Redis; when it is away, give up after a moment instead of hanging the exit.
    const closed = Promise.allSettled([this.client.close(), this.queues.close()]);
    await Promise.race([closed, sleep(CLOSE_BOUND_MS, undefined, { ref: false })]);
    this.redis.disconnect();
    await shutdownTelemetry();
  }
}
