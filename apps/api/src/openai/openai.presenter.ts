import type { RequestView } from '@threadloom/contracts';

/** Chat or text completion. */
export type CompletionKind = 'chat' | 'text';

const LENGTH_TERMINATIONS: ReadonlySet<string> = new Set([
  'length',
  'budget',
  'context',
  'thread_length',
  'iteration_cap',
]);

/** OpenAI `finish_reason` of a termination reason of the runtime. */
export function finishReason(termination: string | undefined): 'stop' | 'length' {
  return termination !== undefined && LENGTH_TERMINATIONS.has(termination) ? 'length' : 'stop';
}

/** Identity shared by every object of one completion. */
export interface CompletionIdentity {
  readonly kind: CompletionKind;
  readonly id: string;
  readonly model: string;
  readonly created: number;
}

/** Builds the identity of a completion backed by request `requestId`. */
export function completionIdentity(
  kind: CompletionKind,
  requestId: string,
  model: string,
  createdAtMs: number,
): CompletionIdentity {
  return {
    kind,
    id: `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${requestId}`,
    model,
    created: Math.floor(createdAtMs / 1000),
  };
}

/** Token usage from the engine's per-call usage, plus the `threadloom` extension (critical path and speedup). */
export function presentUsage(view: RequestView) {
  const metrics = view.result?.metrics;
  const prompt = metrics?.promptTokens ?? 0;
  const completion = metrics?.completionTokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: metrics?.cachedTokens ?? 0 },
    threadloom: {
      request_id: view.id,
      critical_path_tokens: metrics?.criticalPathTokens ?? 0,
      token_speedup: metrics === undefined ? null : metrics.tokenSpeedup,
      acceleration: metrics?.acceleration ?? 0,
      token_count_source: metrics?.tokenCountSource ?? 'engine',
      blocks: view.result?.blocks.length ?? 0,
      wall_clock_ms: view.updatedAt - view.createdAt,
    },
  };
}

/** The non-streaming response object. */
export function presentCompletion(identity: CompletionIdentity, view: RequestView) {
  const text = view.result?.text ?? '';
  const finish = finishReason(view.result?.termination);
  const choice =
    identity.kind === 'chat'
      ? {
          index: 0,
          message: { role: 'assistant' as const, content: text, refusal: null },
          logprobs: null,
          finish_reason: finish,
        }
      : { index: 0, text, logprobs: null, finish_reason: finish };
  return {
    id: identity.id,
    object: identity.kind === 'chat' ? 'chat.completion' : 'text_completion',
    created: identity.created,
    model: identity.model,
    choices: [choice],
    usage: presentUsage(view),
  };
}

/** One streaming chunk; `text` undefined with a finish reason closes the choice; `usage` adds the final usage chunk. */
export function presentChunk(
  identity: CompletionIdentity,
  part: { text?: string; role?: boolean; finish?: 'stop' | 'length'; usage?: ReturnType<typeof presentUsage> },
) {
  const object = identity.kind === 'chat' ? 'chat.completion.chunk' : 'text_completion';
  const base = { id: identity.id, object, created: identity.created, model: identity.model };
  if (part.usage) return { ...base, choices: [], usage: part.usage };
  const finish_reason = part.finish ?? null;
  const choice =
    identity.kind === 'chat'
      ? {
          index: 0,
          delta: {
            ...(part.role && { role: 'assistant' as const }),
            ...(part.text !== undefined && { content: part.text }),
          },
          logprobs: null,
          finish_reason,
        }
      : { index: 0, text: part.text ?? '', logprobs: null, finish_reason };
  return { ...base, choices: [choice] };
}
