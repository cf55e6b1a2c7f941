import type { CompletionCreateParamsStreaming } from 'openai/resources/completions';
import type { EngineRequest } from '@threadloom/threading';
import type { Sampling } from './sampling.js';

/**
 * vLLM text mode (fields outside the OpenAI types): special tokens kept verbatim, so the tag stop
 * strings can match, and the matched stop string kept in the output.
 */
export const VLLM_TEXT_MODE = {
  skip_special_tokens: false,
  spaces_between_special_tokens: false,
  include_stop_str_in_output: true,
} as const;

/** The streamed `/v1/completions` body for one request: text mode, usage in the stream. */
export function completionBody(
  model: string,
  request: EngineRequest,
  sampling: Sampling,
): CompletionCreateParamsStreaming & typeof VLLM_TEXT_MODE {
  return {
    model,
    prompt: request.prompt,
    max_tokens: request.maxTokens,
    stop: request.stop.length > 0 ? [...request.stop] : null,
    temperature: sampling.temperature ?? null,
    top_p: sampling.topP ?? null,
    seed: sampling.seed ?? null,
    stream: true,
    stream_options: { include_usage: true },
    ...VLLM_TEXT_MODE,
  };
}
