import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RequireScope } from '../auth/require-scope.decorator.js';
import { ApiErrors } from '../docs/api-errors.decorator.js';
import { ApiIdempotencyKey } from '../docs/api-idempotency-key.decorator.js';
import { openApiSchemas } from '../docs/openapi-schemas.js';
import { ShutdownSignal } from '../queues/shutdown-signal.service.js';
import { checkEventCursor } from '../common/pipes/event-cursor.js';
import { parseListLimit } from '../common/pipes/list-limit.js';
import { StreamAdmission } from '../limits/stream-admission.service.js';
import { presentRequest, presentRequestSummary, requestLinks } from './request-view.presenter.js';
import { ReasoningService } from './reasoning.service.js';
import { openEventStream, pipeEvents } from './sse-writer.js';

/** Native reasoning API: submit, read, stream events, cancel. */
@ApiTags('reasoning')
@ApiBearerAuth()
@Controller('v1/reasoning')
export class ReasoningController {
  constructor(
    private readonly reasoning: ReasoningService,
    private readonly shutdown: ShutdownSignal,
    private readonly streams: StreamAdmission,
  ) {}

  @Post()
  @HttpCode(202)
  @RequireScope('submit')
  @ApiOperation({ summary: 'Submit a reasoning request (messages or prompt).' })
  @ApiBody({ schema: openApiSchemas.reasoningRequest })
  @ApiIdempotencyKey('request', 'body')
  @ApiResponse({ status: 202, description: 'Accepted: id, status and links.' })
  @ApiErrors(400, 401, 403, 413, 415, 429)
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.reasoning.submitBody(principal, body, key);
    res.setHeader('Location', requestLinks(view.id).self);
    return presentRequest(view);
  }

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: "The caller's most recent requests, newest first (status and metrics, no text)." })
  @ApiErrors(400, 401, 403)
  async list(@CurrentPrincipal() principal: Principal, @Query('limit') limit: string | undefined) {
    const views = await this.reasoning.recentRequests(principal, parseListLimit(limit, 20));
    return { object: 'list' as const, data: views.map(presentRequestSummary) };
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOperation({ summary: 'Status, and the result once completed.' })
  @ApiErrors(401, 403, 404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return presentRequest(await this.reasoning.get(principal, id));
  }

  @Get(':id/events')
  @RequireScope('read')
  @ApiOperation({
    summary:
      'Server-Sent Events of the request; resumable with Last-Event-ID (or ?after=, `$` for new events only). Ends after the terminal event, at once for a request already finished.',
  })
  @ApiProduces('text/event-stream')
  @ApiErrors(400, 401, 403, 404, 429)
  async events(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query('after') after: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const cursor = checkEventCursor(req.header('last-event-id'), after);
    const release = this.streams.admit(principal.keyId);
    try {
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      const events = await this.reasoning.events(principal, id, cursor, this.shutdown.with(abort.signal));
      openEventStream(res);
      res.write('retry: 2000\n\n'); // reconnect after 2 s (with Last-Event-ID) if the stream breaks
      await this.shutdown.track(pipeEvents(res, events));
    } finally {
      release();
    }
  }

  @Delete(':id')
  @RequireScope('submit')
  @ApiOperation({ summary: 'Cancel the request (no-op once terminal).' })
  @ApiErrors(401, 403, 404)
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return presentRequest(await this.reasoning.cancel(principal, id));
  }
}
