import { Module, type DynamicModule } from '@nestjs/common';
import type { WorkerConfig } from './config/worker-config.js';
import { WorkerHostService } from './worker-host.service.js';
import { WORKER_CONFIG } from './worker-config.token.js';

/** The worker application: validated config in, BullMQ workers for the configured roles out. */
@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return { module: WorkerModule, providers: [{ provide: WORKER_CONFIG, useValue: config }, WorkerHostService] };
  }
}
