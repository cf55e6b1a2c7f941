import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseCompletionRequest, type CompletionRequest } from './completion-request.js';
import { newEnvelope, usageOf, type CompletionChoice, type CompletionEnvelope } from './completion-response.js';
import { sendError, sendJson } from './error-response.js';
import type { FaultKind } from './faults.js';
import { planChoices, promptTokens, type PlannedChoice } from './plan-choices.js';
import { readJson } from './read-json.js';
import { contextLengthMessage, resolvePrompts, type ResolvedPrompt } from './resolve-prompts.js';
import type { SimContext } from './sim-context.js';
import { endRequestSpan, startRequestSpan } from './request-span.js';
import { streamCompletion } from './stream-completion.js';
import type { GenerationResult } from '../engine/generation-job.js';

/** `POST /v1/completions`. */
export async function handleCompletions(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let arrivedAt = performance.now();
  const body = await readJson(req);
  if (!body.ok) return sendError(res, 400, body.message);
  ctx.capture?.record(req.headers, body.value);
  const parsed = parseCompletionRequest(body.value);
  if (!parsed.ok) return sendError(res, 400, parsed.message, parsed.param);
  const request = parsed.value;
  if (request.priority !== 0 && ctx.options.schedulingPolicy !== 'priority') {
    // vLLM's engine raises this ValueError, which the server answers as a 400.
    return sendError(res, 400, `Got priority ${request.priority} but Priority scheduling is not enabled.`);
  }
  if (request.model && request.model !== ctx.options.model) {
    return sendError(res, 400, `The model \`${request.model}\` does not exist.`, 'model');
  }
  const prompts = resolvePrompts(request, ctx.prompts, ctx.options.maxModelLen);
  if (!prompts.ok) return sendError(res, 400, prompts.message, prompts.param);
  const fault = ctx.faults.pick(req.headers);
  if (fault !== undefined) ctx.engine.metrics.recordFault(fault);
  if (fault === 'context') return sendError(res, 400, contextFault(prompts.prompts, prompts.maxTokens), 'input_tokens');
  if (fault === '500') return sendError(res, 500, 'Simulated engine failure.');
  if (fault === '503') {
    return sendError(res, 503, 'Simulated overload; retry later.', null, {
      'retry-after': String(ctx.faults.retryAfterSeconds),
    });
  }
  if (fault === 'slow') {
    await sleep(ctx.faults.slowDelayMs);
    arrivedAt = performance.now();
  }
  const span = startRequestSpan(req, arrivedAt);
  const choices = planChoices(ctx, request, prompts.prompts, prompts.maxTokens);
  const envelope = newEnvelope(request.model ?? ctx.options.model, headerRequestId(req), request.request_id);
  const finished = request.stream
    ? await streamCompletion(ctx, request, choices, res, envelope, { reset: fault === 'reset', arrivedAt })
    : await respondOnce(ctx, request, choices, res, envelope, { fault, arrivedAt });
  if (finished === undefined) {
    span?.end();
    return;
  }
  endRequestSpan(span, request, {
    id: envelope.id,
    model: envelope.model,
    promptTokens: promptTokens(choices, request.n),
    completionTokens: sum(choices.map((c) => c.decoded.tokenIds.length)),
    results: finished,
  });
}

async function respondOnce(
  ctx: SimContext,
  request: CompletionRequest,
  choices: readonly PlannedChoice[],
  res: ServerResponse,
  envelope: CompletionEnvelope,
  { fault, arrivedAt }: { fault: FaultKind | undefined; arrivedAt: number },
): Promise<readonly GenerationResult[] | undefined> {
  const abort = new AbortController();
  res.once('close', () => abort.abort());
  const results = await Promise.all(
    choices.map((c) =>
      ctx.engine.generate({
        promptIds: c.prompt.ids,
        outputIds: c.decoded.tokenIds,
        finishReason: c.decoded.finishReason,
        signal: abort.signal,
        arrivedAt,
        priority: request.priority,
      }),
    ),
  );
  if (fault === 'reset') {
    res.socket?.resetAndDestroy();
    return undefined;
  }
  if (abort.signal.aborted) return undefined;
  const body = {
    ...envelope,
    choices: choices.map((c): CompletionChoice & { prompt_logprobs: null } => ({
      index: c.index,
      text: c.decoded.text,
      logprobs: null,
      finish_reason: c.decoded.finishReason,
      stop_reason: c.decoded.stopReason,
      prompt_logprobs: null,
      prompt_token_ids: request.return_token_ids ? c.prompt.ids : null,
      token_ids: request.return_token_ids ? c.decoded.tokenIds : null,
    })),
    usage: usageOf(
      promptTokens(choices, request.n),
      sum(choices.map((c) => c.decoded.tokenIds.length)),
      results[0]?.cachedTokens ?? 0,
    ),
    system_fingerprint: null,
  };
  sendJson(res, 200, body);
  return results;
}

/** The context-length 400 as a server whose real context is one token short of this call would word it. */
function contextFault(prompts: readonly ResolvedPrompt[], maxTokens: number): string {
  const longest = Math.max(...prompts.map((p) => p.ids.length));
  return contextLengthMessage(longest, maxTokens, longest + maxTokens - 1);
}

function headerRequestId(req: IncomingMessage): string | undefined {
  const value = req.headers['x-request-id'];
  return Array.isArray(value) ? value[0] : value;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
