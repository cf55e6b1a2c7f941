import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import type { TimedCompletion } from '@threadloom/engine-client';

/** No-op until the process registers an OpenTelemetry SDK (tracing is optional for the worker). */
const tracer = trace.getTracer('threadloom-worker');

/** Runs one engine call inside a CLIENT span with GenAI attribute names and the timeline's timings. */
export async function tracedCompletion(
  model: string,
  attributes: Attributes,
  call: () => Promise<TimedCompletion>,
): Promise<TimedCompletion> {
  return tracer.startActiveSpan(
    `text_completion ${model}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'gen_ai.operation.name': 'text_completion', 'gen_ai.request.model': model, ...attributes },
    },
    async (span) => {
      try {
        const done = await call();
        span.setAttributes({
          'gen_ai.usage.output_tokens': done.result.completionTokens,
          'gen_ai.usage.input_tokens': done.result.promptTokens ?? 0,
          'gen_ai.usage.cached_tokens': done.result.cachedTokens ?? 0,
          'gen_ai.response.finish_reasons': [done.result.finishReason],
          'threadloom.time_to_first_token_ms': done.timeToFirstTokenMs,
          'threadloom.decode_ms': done.decodeMs,
        });
        return done;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
