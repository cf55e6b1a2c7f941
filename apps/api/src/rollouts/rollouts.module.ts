import { Module } from '@nestjs/common';
// The runtime's group store: the key layout and exactly-once scripts are the queue library's, shared with the workers.
import { RolloutGroupStore } from '@threadloom/queue';
import type { RedisClient } from '@threadloom/queue';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { API_REDIS } from '../queues/redis.tokens.js';
import { ReasoningModule } from '../reasoning/reasoning.module.js';
import { RedisRolloutStore } from './redis-rollout-store.js';
import { ROLLOUT_GROUPS, ROLLOUT_STORE } from './rollout-record.js';
import { RolloutsController } from './rollouts.controller.js';
import { RolloutsService } from './rollouts.service.js';

const RETENTION_SECONDS = 7 * 24 * 3600;

/** `/v1/rollouts`. */
@Module({
  imports: [ReasoningModule],
  controllers: [RolloutsController],
  providers: [
    RolloutsService,
    {
      provide: ROLLOUT_STORE,
      inject: [API_REDIS, API_CONFIG],
      useFactory: (redis: RedisClient, config: ApiConfig) => new RedisRolloutStore(redis, config.keyPrefix),
    },
    {
      provide: ROLLOUT_GROUPS,
      inject: [API_REDIS, API_CONFIG],
      useFactory: (redis: RedisClient, config: ApiConfig) =>
        new RolloutGroupStore(redis, config.keyPrefix, RETENTION_SECONDS),
    },
  ],
})
export class RolloutsModule {}
