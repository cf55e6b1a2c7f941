import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ROLLOUT_ROW_FORMATS } from '@threadloom/queue';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { RequireScope } from '../auth/require-scope.decorator.js';
import { ValidationFailedError } from '../common/errors/validation-failed.error.js';
import { ApiErrors } from '../docs/api-errors.decorator.js';
import { ApiIdempotencyKey } from '../docs/api-idempotency-key.decorator.js';
import { openApiSchemas } from '../docs/openapi-schemas.js';
import { sendJsonLines } from '../common/streaming/send-json-lines.js';
import { ReasoningService } from '../reasoning/reasoning.service.js';
import { presentGroupLine, presentRollout } from './rollout.presenter.js';
import { RolloutsService } from './rollouts.service.js';

const FORMATS = ['groups', ...ROLLOUT_ROW_FORMATS] as const;
type ResultFormat = (typeof FORMATS)[number];

function parseFormat(value: string | undefined): ResultFormat {
  if (value === undefined) return 'groups';
  if ((FORMATS as readonly string[]).includes(value)) return value as ResultFormat;
  throw new ValidationFailedError([
    { field: 'format', rule: 'enum', message: `must be one of: ${FORMATS.join(', ')}` },
  ]);
}

/** RL rollout groups served by the queue: k sampled requests per problem, rewards and P-GRPO advantages per group. */
@ApiTags('rollouts')
@ApiBearerAuth()
@Controller('v1/rollouts')
export class RolloutsController {
  constructor(
    private readonly rollouts: RolloutsService,
    private readonly reasoning: ReasoningService,
  ) {}

  @Post()
  @HttpCode(202)
  @RequireScope('submit')
  @ApiOperation({ summary: 'Create a rollout job: k parallel-mode requests per problem, scored once per group.' })
  @ApiBody({ schema: openApiSchemas.rolloutCreate })
  @ApiAcceptedResponse({ description: 'The job, created (Location names it).', schema: openApiSchemas.rollout })
  @ApiIdempotencyKey('job', 'body')
  @ApiErrors(400, 401, 403, 413, 415, 429)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const record = await this.rollouts.create(principal, body, this.reasoning.defaultModel, key);
    res.setHeader('Location', `/v1/rollouts/${record.id}`);
    return presentRollout(record, await this.rollouts.summary(record));
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOperation({ summary: 'Progress: groups scored, rollouts by status, accuracy and mean reward of scored groups.' })
  @ApiOkResponse({ description: 'The job with its progress.', schema: openApiSchemas.rollout })
  @ApiErrors(401, 403, 404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const record = await this.rollouts.load(principal, id);
    return presentRollout(record, await this.rollouts.summary(record));
  }

  @Get(':id/results')
  @RequireScope('read')
  @ApiOperation({
    summary:
      'JSON lines, streamed in group order: `groups` (one line per group with every member’s reward and advantage), `packed` (one trie-packed row per scored rollout) or `expanded` (one row per engine call).',
  })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS })
  @ApiProduces('application/jsonl')
  @ApiOkResponse({
    description: 'One JSON value of this schema per line: a group line, a packed row or an expanded row, by format.',
    schema: openApiSchemas.rolloutResultLine,
  })
  @ApiErrors(400, 401, 403, 404)
  async results(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const chosen = parseFormat(format);
    const record = await this.rollouts.load(principal, id);
    if (chosen !== 'groups') return sendJsonLines(res, this.rollouts.rows(record, chosen), (row) => `${row}\n`);
    const states = await this.rollouts.groupStates(record);
    return sendJsonLines(res, record.groups.entries(), ([g, group]) => presentGroupLine(group, states[g]));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireScope('submit')
  @ApiOperation({
    summary: 'Cancel every member still queued or running; each group then scores the members that completed.',
  })
  @ApiOkResponse({ description: 'The job, cancelling or cancelled.', schema: openApiSchemas.rollout })
  @ApiErrors(401, 403, 404)
  async cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    const record = await this.rollouts.cancel(await this.rollouts.load(principal, id));
    return presentRollout(record, await this.rollouts.summary(record));
  }
}
