import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';

/** `GET /metrics` (the service itself is provided by the runtime module). */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
