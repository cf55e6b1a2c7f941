import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module.js';
import { BatchesModule } from './batches/batches.module.js';
import { ApiExceptionFilter } from './common/filters/api-exception.filter.js';
import type { ApiConfig } from './config/api-config.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OpenAiModule } from './openai/openai.module.js';
import { RuntimeModule } from './queues/runtime.module.js';
import { ReasoningModule } from './reasoning/reasoning.module.js';
import { RolloutsModule } from './rollouts/rollouts.module.js';

/** The API application, built from validated configuration. */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        RuntimeModule.forRoot(config),
        AuthModule,
        ReasoningModule,
        BatchesModule,
        RolloutsModule,
        OpenAiModule,
        HealthModule,
        MetricsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
