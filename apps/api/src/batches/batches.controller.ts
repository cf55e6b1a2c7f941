import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RequireScope } from '../auth/require-scope.decorator.js';
import { parseListLimit } from '../common/pipes/list-limit.js';
import { ApiErrors } from '../docs/api-errors.decorator.js';
import { ApiIdempotencyKey } from '../docs/api-idempotency-key.decorator.js';
import { openApiSchemas } from '../docs/openapi-schemas.js';
import { sendJsonLines } from '../common/streaming/send-json-lines.js';
import { ReasoningService } from '../reasoning/reasoning.service.js';
import { presentBatch, presentResultLine } from './batch.presenter.js';
import { BatchesService } from './batches.service.js';

/** Batches in the shape of the OpenAI Batch API. */
@ApiTags('batches')
@ApiBearerAuth()
@Controller('v1/batches')
export class BatchesController {
  constructor(
    private readonly batches: BatchesService,
    private readonly reasoning: ReasoningService,
  ) {}

  @Post()
  @HttpCode(202)
  @RequireScope('submit')
  @ApiOperation({ summary: 'Create a batch from a JSON array or a JSONL upload (application/jsonl) of request lines.' })
  @ApiConsumes('application/json', 'application/jsonl', 'application/x-ndjson')
  @ApiBody({ schema: openApiSchemas.batchCreate })
  @ApiIdempotencyKey('batch', 'lines')
  @ApiErrors(400, 401, 403, 413, 415, 429)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const record = await this.batches.create(principal, body, this.reasoning.defaultModel, key);
    res.setHeader('Location', `/v1/batches/${record.id}`);
    return presentBatch(record, await this.batches.summary(record));
  }

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: "The caller's most recent batches, newest first, with counts and aggregate metrics." })
  @ApiErrors(400, 401, 403)
  async list(@CurrentPrincipal() principal: Principal, @Query('limit') limit: string | undefined) {
    const records = await this.batches.recentBatches(principal, parseListLimit(limit, 10));
    const summaries = await Promise.all(records.map((record) => this.batches.summary(record)));
    return { object: 'list' as const, data: records.map((record, index) => presentBatch(record, summaries[index]!)) };
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOperation({ summary: 'Counts by status and aggregate metrics (accuracy when ground truth was given).' })
  @ApiErrors(401, 403, 404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const record = await this.batches.load(principal, id);
    return presentBatch(record, await this.batches.summary(record));
  }

  @Get(':id/results')
  @RequireScope('read')
  @ApiOperation({ summary: 'One JSON line per request, in submission order, streamed.' })
  @ApiProduces('application/jsonl')
  @ApiErrors(401, 403, 404)
  async results(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const record = await this.batches.load(principal, id);
    await sendJsonLines(res, this.batches.results(record), ([item, view, correct]) =>
      presentResultLine(item, view, correct),
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireScope('submit')
  @ApiOperation({ summary: 'Cancel every request of the batch that is still queued or running.' })
  @ApiErrors(401, 403, 404)
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const record = await this.batches.cancel(await this.batches.load(principal, id));
    return presentBatch(record, await this.batches.summary(record));
  }
}
