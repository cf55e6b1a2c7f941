import { SpanKind, type Attributes } from '@opentelemetry/api';
import { DeferredSpan, runInDeferredSpan } from './deferred-span.js';
import type { TraceCarrier } from './trace-carrier.js';

/** What is known when an inference call starts (samplers read these, so they are set at span start). */
export interface GenAiCallStart {
  /** `text_completion` for /v1/completions, `chat` for chat. */
  readonly operation: string;
  readonly provider: string;
  readonly model: string;
  readonly serverAddress: string;
  readonly serverPort: number;
  readonly maxTokens?: number | undefined;
  readonly temperature?: number | undefined;
  readonly topP?: number | undefined;
  readonly seed?: number | undefined;
  readonly stopSequences?: readonly string[] | undefined;
  /** threadloom.* attributes (request id, block, thread, machine, attempt). */
  readonly extra?: Attributes | undefined;
}

/** What the call's response reported. */
export interface GenAiCallEnd {
  /** Prompt tokens, cached ones included (as the conventions ask). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedInputTokens: number;
  readonly finishReasons: readonly string[];
  readonly timeToFirstChunkSeconds: number;
}

/**
 * Runs one inference call in a CLIENT span `{operation} {model}` per the GenAI semantic conventions,
 * a child of `parent` (the job's span); `call` gets the W3C headers to send so the engine's server span
 * joins the trace. Without a parent (an untraced job) the call runs untraced. The span is recorded after
 * the call (DeferredSpan), with the start attributes given at its start as the conventions ask.
 */
export async function inGenAiClientSpan<T>(
  start: GenAiCallStart,
  call: (headers: Record<string, string>) => Promise<T>,
  describe: (result: T) => GenAiCallEnd,
  parent: TraceCarrier | undefined,
): Promise<T> {
  const span =
    parent === undefined
      ? undefined
      : DeferredSpan.open({
          scope: 'threadloom',
          name: `${start.operation} ${start.model}`,
          kind: SpanKind.CLIENT,
          parent,
          attributes: startAttributes(start),
        });
  const carrier = span?.carrier;
  if (span === undefined || carrier === undefined) return call({});
  return runInDeferredSpan(span, async () => {
    const result = await call({ ...carrier });
    const end = describe(result);
    span.setAttributes({
      'gen_ai.usage.input_tokens': end.inputTokens,
      'gen_ai.usage.output_tokens': end.outputTokens,
      'gen_ai.usage.cache_read.input_tokens': end.cachedInputTokens,
      'gen_ai.response.finish_reasons': [...end.finishReasons],
      'gen_ai.response.time_to_first_chunk': end.timeToFirstChunkSeconds,
    });
    return result;
  });
}

function startAttributes(start: GenAiCallStart): Attributes {
  const optional: Attributes = {};
  if (start.maxTokens !== undefined) optional['gen_ai.request.max_tokens'] = start.maxTokens;
  if (start.temperature !== undefined) optional['gen_ai.request.temperature'] = start.temperature;
  if (start.topP !== undefined) optional['gen_ai.request.top_p'] = start.topP;
  if (start.seed !== undefined) optional['gen_ai.request.seed'] = start.seed;
  if (start.stopSequences !== undefined) optional['gen_ai.request.stop_sequences'] = [...start.stopSequences];
  return {
    'gen_ai.operation.name': start.operation,
    'gen_ai.provider.name': start.provider,
    'gen_ai.request.model': start.model,
    'gen_ai.request.stream': true,
    'server.address': start.serverAddress,
    'server.port': start.serverPort,
    ...optional,
    ...start.extra,
  };
}
