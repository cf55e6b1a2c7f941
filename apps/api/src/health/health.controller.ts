import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/require-scope.decorator.js';
import { HealthService } from './health.service.js';

/** Probes for orchestrators and load balancers. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get('healthz')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP.' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('readyz')
  @ApiOperation({ summary: 'Readiness: Redis and the queues are reachable (503 otherwise, and while draining).' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const { ready, checks } = await this.health.readiness();
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', checks };
  }
}
