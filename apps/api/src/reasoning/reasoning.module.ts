import { Module } from '@nestjs/common';
import { ReasoningController } from './reasoning.controller.js';
import { ReasoningService } from './reasoning.service.js';

/** `/v1/reasoning`; exports the service to the batch and OpenAI features. */
@Module({
  controllers: [ReasoningController],
  providers: [ReasoningService],
  exports: [ReasoningService],
})
export class ReasoningModule {}
