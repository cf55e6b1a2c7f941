import { Module } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service.js';
import { redisJobStoreProvider } from '../jobs/redis-job-store.js';
import { ReasoningModule } from '../reasoning/reasoning.module.js';
import { BATCH_STORE, type BatchRecord } from './batch-record.js';
import { BatchesController } from './batches.controller.js';
import { BatchesService } from './batches.service.js';

/** `/v1/batches`. */
@Module({
  imports: [ReasoningModule],
  controllers: [BatchesController],
  providers: [
    BatchesService,
    JobsService,
    redisJobStoreProvider<BatchRecord>(BATCH_STORE, (prefix, id) => `${prefix}:batch:${id}`),
  ],
})
export class BatchesModule {}
