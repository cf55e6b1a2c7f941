import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RequireScope } from '../auth/require-scope.decorator.js';
import { ShuttingDownError } from '../common/errors/shutting-down.error.js';
import { ApiErrors } from '../docs/api-errors.decorator.js';
import { openApiSchemas } from '../docs/openapi-schemas.js';
import { ShutdownSignal } from '../queues/shutdown-signal.service.js';
import { openEventStream } from '../reasoning/sse-writer.js';
import type { CompletionKind } from './openai.presenter.js';
import { OpenAiService } from './openai.service.js';

/** OpenAI-compatible endpoints (`/v1/chat/completions`, `/v1/completions`, `/v1/models`). */
@ApiTags('openai')
@ApiBearerAuth()
@Controller('v1')
export class OpenAiController {
  constructor(
    private readonly openai: OpenAiService,
    private readonly shutdown: ShutdownSignal,
  ) {}

  @Get('models')
  @RequireScope('read')
  @ApiOperation({ summary: 'Models this deployment serves.' })
  models() {
    return this.openai.models();
  }

  @Post('chat/completions')
  @RequireScope('submit')
  @ApiOperation({
    summary: 'Chat completion backed by parallel reasoning; `stream: true` streams text as it becomes final.',
  })
  @ApiBody({ schema: openApiSchemas.chatCompletion })
  @ApiErrors(400, 401, 403, 413, 415, 429)
  chat(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Res() res: Response): Promise<void> {
    return this.complete(principal, 'chat', body, res);
  }

  @Post('completions')
  @RequireScope('submit')
  @ApiOperation({ summary: 'Text completion of a raw prompt backed by parallel reasoning.' })
  @ApiBody({ schema: openApiSchemas.completion })
  @ApiErrors(400, 401, 403, 413, 415, 429)
  text(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Res() res: Response): Promise<void> {
    return this.complete(principal, 'text', body, res);
  }

  private async complete(principal: Principal, kind: CompletionKind, body: unknown, res: Response): Promise<void> {
    const job = await this.openai.start(principal, kind, body);
    const abort = new AbortController();
    // A caller that leaves before the answer no longer wants it: stop the work too.
    res.on('close', () => {
      if (res.writableFinished) return;
      abort.abort();
      this.openai.abandon(job).catch(() => undefined);
    });
    if (!job.stream) {
      const completion = await this.shutdown
        .track(this.openai.wait(job, this.shutdown.with(abort.signal)))
        .catch((error: unknown) => {
          throw this.shutdown.signal.aborted ? new ShuttingDownError(job.view.id) : error;
        });
      res.status(200).json(completion);
      return;
    }
    openEventStream(res);
    // On shutdown the stream ends without [DONE]; the request keeps running and stays readable by id.
    await this.shutdown.track(this.openai.stream(job, res, this.shutdown.with(abort.signal)));
    res.end();
  }
}
