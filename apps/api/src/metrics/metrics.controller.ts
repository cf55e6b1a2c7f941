import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/require-scope.decorator.js';
import { BacklogGate } from '../limits/backlog-gate.service.js';
import { MetricsService } from './metrics.service.js';

/** `GET /metrics` in the Prometheus text format. */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly backlog: BacklogGate,
  ) {}

  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    await this.backlog.refresh().catch(() => undefined);
    return this.metrics.registry.metrics();
  }
}
