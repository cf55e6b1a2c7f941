import type { Attributes } from '@opentelemetry/api';
import { inGenAiClientSpan, type TraceCarrier } from '@threadloom/telemetry';
import type { EngineRequest } from '@threadloom/threading';
import { ContextFullError, type EngineClient, type TimedCompletion } from '@threadloom/engine-client';
import type { EngineCallIdentity } from '../engine/engine-call.js';
import { engineErrorClass } from '../metrics/engine-error-class.js';
import type { RuntimeDeps } from './runtime-deps.js';

/** `gen_ai.provider.name` of the engines we call (not in the well-known list; a custom value is allowed). */
const PROVIDER = 'vllm';
const OPERATION = 'text_completion';

/** Where a call's span goes: under the job span's context (none: untraced job), with threadloom.* attributes. */
interface CallTrace {
  readonly parent: TraceCarrier | undefined;
  readonly attributes: Attributes;
}

/**
 * One engine call inside a GenAI CLIENT span (its trace context sent as `traceparent`, so the engine's
 * server span joins the trace), recording the GenAI client metrics of the call. `priority` is vLLM's
 * request priority (lower = earlier), sent only when given.
 */
export async function observedCompletion(
  deps: RuntimeDeps,
  engine: EngineClient,
  request: EngineRequest,
  call: EngineCallIdentity,
  signal: AbortSignal,
  traced: CallTrace,
  priority?: number,
): Promise<TimedCompletion> {
  const { sampling, requestId, promptPieces } = call;
  const model = deps.config.model;
  const labels = { gen_ai_operation_name: OPERATION, gen_ai_provider_name: PROVIDER, gen_ai_request_model: model };
  const started = performance.now();
  const { server } = engine;
  try {
    const done = await inGenAiClientSpan(
      {
        operation: OPERATION,
        provider: PROVIDER,
        model,
        serverAddress: server.address,
        serverPort: server.port,
        maxTokens: request.maxTokens,
        temperature: sampling.temperature,
        topP: sampling.topP,
        seed: sampling.seed,
        stopSequences: request.stop,
        extra: { ...traced.attributes, 'threadloom.engine_request_id': requestId },
      },
      (headers) => engine.complete(request, { sampling, signal, headers, requestId, priority, promptPieces }),
      (result) => ({
        inputTokens: result.result.promptTokens ?? 0,
        outputTokens: result.result.completionTokens,
        cachedInputTokens: result.result.cachedTokens ?? 0,
        finishReasons: [result.result.finishReason],
        timeToFirstChunkSeconds: result.timeToFirstTokenMs / 1000,
      }),
      traced.parent,
    );
    const { metrics } = deps;
    metrics.genAiDuration.observe({ ...labels, error_type: '' }, (performance.now() - started) / 1000);
    metrics.genAiTimeToFirstChunk.observe(labels, done.timeToFirstTokenMs / 1000);
    metrics.genAiTokens.observe({ ...labels, gen_ai_token_type: 'input' }, done.result.promptTokens ?? 0);
    metrics.genAiTokens.observe({ ...labels, gen_ai_token_type: 'output' }, done.result.completionTokens);
    return done;
  } catch (error) {
    // A full context is the request's end, not an engine failure.
    if (!signal.aborted && !(error instanceof ContextFullError)) {
      const errorClass = engineErrorClass(error);
      deps.metrics.engineErrors.inc({ class: errorClass });
      deps.metrics.genAiDuration.observe({ ...labels, error_type: errorClass }, (performance.now() - started) / 1000);
    }
    throw error;
  }
}
