import type { IncomingMessage } from 'node:http';
import { SpanKind } from '@opentelemetry/api';
import { DeferredSpan, type TraceCarrier } from '@threadloom/telemetry';
import type { GenerationResult } from '../engine/generation-job.js';
import type { CompletionRequest } from './completion-request.js';

/** What a finished request reports on its span. */
interface RequestSpanEnd {
  /** The response id (`cmpl-…`). */
  readonly id: string;
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly results: readonly GenerationResult[];
}

/**
 * Opens vLLM's request span (`llm_request`, SERVER) under the caller's W3C `traceparent`, started at
 * the request's arrival as vLLM does; undefined when this process does not trace. It is recorded once the
 * response is out (DeferredSpan), so the SDK's work never delays a token.
 */
export function startRequestSpan(req: IncomingMessage, arrivedAt: number): DeferredSpan | undefined {
  return DeferredSpan.open({
    scope: 'threadloom-engine-sim',
    name: 'llm_request',
    kind: SpanKind.SERVER,
    parent: callerCarrier(req),
    startTime: arrivedAt,
  });
}

/** The caller's W3C trace context from its headers; undefined without a `traceparent`. */
function callerCarrier(req: IncomingMessage): TraceCarrier | undefined {
  const { traceparent, tracestate } = req.headers;
  if (typeof traceparent !== 'string') return undefined;
  return typeof tracestate === 'string' ? { traceparent, tracestate } : { traceparent };
}

/** Ends the span with vLLM's request attributes (its older `gen_ai.*` names) and model-time latencies. */
export function endRequestSpan(span: DeferredSpan | undefined, request: CompletionRequest, end: RequestSpanEnd): void {
  if (span === undefined) return;
  const latency = end.results[0]?.latency;
  span.setAttributes({
    // vLLM's engine request of prompt i is `<response id>-<i>` (its logs name it so too); threadloom sends one prompt.
    'gen_ai.request.id': `${end.id}-0`,
    'gen_ai.response.model': end.model,
    'gen_ai.request.n': request.n ?? 1,
    'gen_ai.usage.num_sequences': end.results.length,
    'gen_ai.usage.prompt_tokens': end.promptTokens,
    'gen_ai.usage.completion_tokens': end.completionTokens,
    ...optionalNumber('gen_ai.request.max_tokens', request.max_tokens),
    ...optionalNumber('gen_ai.request.temperature', request.temperature),
    ...optionalNumber('gen_ai.request.top_p', request.top_p),
    ...(latency === undefined
      ? {}
      : {
          'gen_ai.latency.time_in_queue': latency.queueSeconds,
          'gen_ai.latency.time_to_first_token': latency.timeToFirstTokenSeconds,
          'gen_ai.latency.e2e': latency.e2eSeconds,
          'gen_ai.latency.time_in_model_prefill': latency.prefillSeconds,
          'gen_ai.latency.time_in_model_decode': Math.max(0, latency.e2eSeconds - latency.timeToFirstTokenSeconds),
        }),
  });
  span.end();
}

function optionalNumber(key: string, value: unknown): Record<string, number> {
  return typeof value === 'number' ? { [key]: value } : {};
}
