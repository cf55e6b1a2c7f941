import { Inject, Injectable } from '@nestjs/common';
import type { ReasoningClient, RequestView } from '@threadloom/contracts';
import { renderChatPrompt } from '@threadloom/threading';
import type { Response } from 'express';
import type { Principal } from '../auth/principal.js';
import { ReasoningNotCompletedError } from '../common/errors/reasoning-not-completed.error.js';
import { parseOrThrow } from '../common/pipes/zod-issues.js';
import type { ApiConfig } from '../config/api-config.js';
import { API_CONFIG } from '../config/config.tokens.js';
import { REASONING_CLIENT } from '../reasoning/reasoning-client.token.js';
import { ReasoningService } from '../reasoning/reasoning.service.js';
import { toSubmission } from '../reasoning/to-submission.js';
import { FinalTextTracker } from './final-text-tracker.js';
import { RESPONSE_PROGRESS, type ResponseProgress } from './response-progress.js';
import {
  chatCompletionRequestSchema,
  completionRequestSchema,
  type ChatCompletionRequest,
  type CompletionRequest,
} from './openai-request.schema.js';
import {
  completionIdentity,
  finishReason,
  presentChunk,
  presentCompletion,
  presentUsage,
  type CompletionIdentity,
  type CompletionKind,
} from './openai.presenter.js';

/** A submitted facade call. */
interface FacadeJob {
  readonly identity: CompletionIdentity;
  readonly view: RequestView;
  readonly stream: boolean;
  readonly includeUsage: boolean;
}

/** The OpenAI-compatible facade: each completion is one parallel-reasoning request behind the scenes. */
@Injectable()
export class OpenAiService {
  private readonly chatSchema;
  private readonly textSchema;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(REASONING_CLIENT) private readonly client: ReasoningClient,
    @Inject(RESPONSE_PROGRESS) private readonly progress: ResponseProgress,
    private readonly reasoning: ReasoningService,
  ) {
    this.chatSchema = chatCompletionRequestSchema(config);
    this.textSchema = completionRequestSchema(config);
  }

  /** The configured models in the OpenAI list shape. */
  models() {
    return {
      object: 'list' as const,
      data: this.config.models.map((id) => ({ id, object: 'model' as const, created: 0, owned_by: 'threadloom' })),
    };
  }

  /** Validates and submits a chat or text completion. */
  async start(principal: Principal, kind: CompletionKind, body: unknown): Promise<FacadeJob> {
    const request: ChatCompletionRequest | CompletionRequest =
      kind === 'chat' ? parseOrThrow(this.chatSchema, body) : parseOrThrow(this.textSchema, body);
    const prompt = 'messages' in request ? renderChatPrompt(request.messages) : request.prompt;
    const options = { ...request, max_tokens: request.max_tokens ?? request.max_completion_tokens };
    const view = await this.reasoning.submit(
      toSubmission(prompt, options, principal.tenant, this.reasoning.defaultModel),
    );
    const model = request.model ?? this.reasoning.defaultModel;
    return {
      identity: completionIdentity(kind, view.id, model, view.createdAt),
      view,
      stream: request.stream === true,
      includeUsage: request.stream_options?.include_usage === true,
    };
  }

  /** Waits for the result and shapes it as a completion object. */
  async wait(job: FacadeJob, signal: AbortSignal) {
    const view = await this.reasoning.waitForResult(job.view.id, signal);
    if (view.status !== 'completed') throw new ReasoningNotCompletedError(view.id, view.status, view.error);
    return presentCompletion(job.identity, view);
  }

  /** Streams text as it becomes final, in OpenAI chunk format, then `[DONE]`. */
  async stream(job: FacadeJob, res: Response, signal: AbortSignal): Promise<void> {
    const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
    send(presentChunk(job.identity, { role: true, text: '' }));
    const tracker = new FinalTextTracker();
    for await (const event of this.client.events(job.view.id, { signal })) {
      if (!FinalTextTracker.worthReading(event)) continue;
      const delta = tracker.advance(await this.progress.finalSoFar(job.view.id));
      if (delta) send(presentChunk(job.identity, { text: delta }));
    }
    if (signal.aborted) return;
    const view = await this.reasoning.waitForResult(job.view.id, signal);
    if (view.status === 'completed') {
      const rest = tracker.finish(view.result?.text ?? '');
      if (rest) send(presentChunk(job.identity, { text: rest }));
      send(presentChunk(job.identity, { finish: finishReason(view.result?.termination) }));
      if (job.includeUsage) send(presentChunk(job.identity, { usage: presentUsage(view) }));
    } else {
      const error = new ReasoningNotCompletedError(view.id, view.status, view.error);
      send({ error: { message: error.message, type: 'server_error', code: `request_${view.status}`, param: null } });
    }
    res.write('data: [DONE]\n\n');
  }

  /** Cancels a facade request whose caller went away. */
  async abandon(job: FacadeJob): Promise<void> {
    await this.client.cancel(job.view.id);
  }
}
