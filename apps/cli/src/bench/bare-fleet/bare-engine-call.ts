import OpenAI from 'openai';
import type { EngineRequest } from '@threadloom/threading';
import { engineEndpoint, VLLM_TEXT_MODE } from '../../stack/vllm-endpoint.js';

/**
 * The work of one thread job without the runtime around it: one streamed `/v1/completions` call
 * through the openai SDK with the worker's options (SDK retries off, usage in the stream), read to the end.
 */
export function createBareEngineCall(url: string, model: string): (request: EngineRequest) => Promise<number> {
  const baseURL = engineEndpoint(url, '/v1');
  const openai = new OpenAI({ baseURL, apiKey: 'EMPTY', maxRetries: 0, timeout: 60_000 });
  return async (request) => {
    const stream = await openai.completions.create(
      {
        model,
        prompt: request.prompt,
        max_tokens: request.maxTokens,
        stop: [...request.stop],
        stream: true,
        stream_options: { include_usage: true },
        ...VLLM_TEXT_MODE,
      },
      { signal: AbortSignal.timeout(60_000) },
    );
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    return text.length;
  };
}
