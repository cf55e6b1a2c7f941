import { Module } from '@nestjs/common';
// The runtime's group store: the key layout and exactly-once scripts are the queue library's, shared with the workers.
import { RolloutGroupStore, type RedisClient } from '@threadloom/queue';
import { rolloutJobKey } from '@threadloom/contracts';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { API_REDIS } from '../queues/redis.tokens.js';
import { JOB_RETENTION_SECONDS } from '../jobs/job-record.js';
import { JobsService } from '../jobs/jobs.service.js';
import { redisJobStoreProvider } from '../jobs/redis-job-store.js';
import { ReasoningModule } from '../reasoning/reasoning.module.js';
import { ROLLOUT_GROUPS, ROLLOUT_STORE, type RolloutRecord } from './rollout-record.js';
import { RolloutsController } from './rollouts.controller.js';
import { RolloutsService } from './rollouts.service.js';

/** `/v1/rollouts`. */
@Module({
  imports: [ReasoningModule],
  controllers: [RolloutsController],
  providers: [
    RolloutsService,
    JobsService,
    redisJobStoreProvider<RolloutRecord>(ROLLOUT_STORE, rolloutJobKey),
    {
      provide: ROLLOUT_GROUPS,
      inject: [API_REDIS, API_CONFIG],
      useFactory: (redis: RedisClient, config: ApiConfig) =>
        new RolloutGroupStore(redis, config.keyPrefix, JOB_RETENTION_SECONDS),
    },
  ],
})
export class RolloutsModule {}
