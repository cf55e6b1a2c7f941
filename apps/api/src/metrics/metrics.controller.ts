import { Controller, Get, Header, Inject } from '@nestjs/common';
import { joinExpositions } from '@threadloom/telemetry';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/require-scope.decorator.js';
import { BacklogGate } from '../limits/backlog-gate.service.js';
import { MetricsService } from './metrics.service.js';
import { QUEUE_INSPECTOR, type QueueInspector } from '../queues/queue-inspector.js';

/** `GET /metrics` in the Prometheus text format. */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly backlog: BacklogGate,
    @Inject(QUEUE_INSPECTOR) private readonly inspector: QueueInspector,
  ) {}

  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    await this.backlog.refresh().catch(() => undefined);
    // BullMQ's own gauge bullmq_job_count{queue,state}; a Redis outage leaves only the API's metrics.
    const queues = await this.inspector.expositions();
    return joinExpositions([await this.metrics.registry.metrics(), ...queues]);
  }
}
