import { Module } from '@nestjs/common';
import type { RedisClient } from '@threadloom/queue';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { API_REDIS } from '../queues/redis.tokens.js';
import { ReasoningModule } from '../reasoning/reasoning.module.js';
import { BATCH_STORE } from './batch-record.js';
import { BatchesController } from './batches.controller.js';
import { BatchesService } from './batches.service.js';
import { RedisBatchStore } from './redis-batch-store.js';

/** `/v1/batches`. */
@Module({
  imports: [ReasoningModule],
  controllers: [BatchesController],
  providers: [
    BatchesService,
    {
      provide: BATCH_STORE,
      inject: [API_REDIS, API_CONFIG],
      useFactory: (redis: RedisClient, config: ApiConfig) => new RedisBatchStore(redis, config.keyPrefix),
    },
  ],
})
export class BatchesModule {}
