import type { CompletionRequest, CompletionResult, Engine } from '@threadloom/threading';
import { EngineRequestError } from './engine-request.error.js';
import { discoverServedModel } from './served-model.js';
import { engineEndpoint, VLLM_TEXT_MODE } from './vllm-endpoint.js';

interface CompletionBody {
  readonly choices?: readonly {
    readonly text?: string;
    readonly finish_reason?: string | null;
    readonly stop_reason?: string | number | null;
  }[];
  readonly usage?: {
    readonly completion_tokens?: number;
    readonly prompt_tokens?: number;
    readonly prompt_tokens_details?: { readonly cached_tokens?: number } | null;
  };
}

/**
 * The threading `Engine` over a vLLM-compatible `/v1/completions` endpoint (non-streaming), for the
 * in-process runtime of `threadloom run`. The distributed runtime uses the worker's own client.
 * The model name is asked of the endpoint once when not given.
 */
export function createHttpEngine(baseUrl: string, model?: string): Engine {
  const url = engineEndpoint(baseUrl, '/v1/completions');
  let served: Promise<string> | undefined = model === undefined ? undefined : Promise.resolve(model);
  return {
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      served ??= discoverServedModel(baseUrl);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: await served,
          prompt: request.prompt,
          max_tokens: request.maxTokens,
          stop: request.stop.length > 0 ? request.stop : null,
          ...VLLM_TEXT_MODE,
        }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      if (!response.ok) throw new EngineRequestError(url, response.status, await response.text());
      return toResult((await response.json()) as CompletionBody, url);
    },
  };
}

function toResult(body: CompletionBody, url: string): CompletionResult {
  const choice = body.choices?.[0];
  const finish = choice?.finish_reason;
  if (choice === undefined || (finish !== 'stop' && finish !== 'length')) {
    throw new EngineRequestError(url, 200, `unexpected completion: ${JSON.stringify(body).slice(0, 200)}`);
  }
  const stop = choice.stop_reason;
  return {
    text: choice.text ?? '',
    finishReason: finish,
    stopReason: typeof stop === 'string' ? stop : null,
    completionTokens: body.usage?.completion_tokens ?? 0,
    ...(body.usage?.prompt_tokens === undefined ? {} : { promptTokens: body.usage.prompt_tokens }),
    cachedTokens: body.usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}
