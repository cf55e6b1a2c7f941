import { Module } from '@nestjs/common';
import type { RedisClient } from '@threadloom/queue';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { API_REDIS } from '../queues/redis.tokens.js';
import { ReasoningModule } from '../reasoning/reasoning.module.js';
import { OpenAiController } from './openai.controller.js';
import { OpenAiService } from './openai.service.js';
import { CheckpointResponseProgress, RESPONSE_PROGRESS } from './response-progress.js';

/** The OpenAI-compatible facade. */
@Module({
  imports: [ReasoningModule],
  controllers: [OpenAiController],
  providers: [
    OpenAiService,
    {
      provide: RESPONSE_PROGRESS,
      inject: [API_REDIS, API_CONFIG],
      useFactory: (redis: RedisClient, config: ApiConfig) => new CheckpointResponseProgress(redis, config.keyPrefix),
    },
  ],
})
export class OpenAiModule {}
