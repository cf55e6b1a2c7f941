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

/** vLLM's sampling extras of one body (outside the OpenAI types); a field is sent only when set. */
export interface VllmSamplingFields {
  readonly top_k?: number;
  readonly min_p?: number;
  readonly repetition_penalty?: number;
}

/** A streamed `/v1/completions` body as threadloom sends it. */
export type CompletionBody = CompletionCreateParamsStreaming &
  typeof VLLM_TEXT_MODE &
  VllmSamplingFields & {
    /** Every prompt continues a chat transcript that already holds its special tokens: add none (spec §2.9). */
    readonly add_special_tokens: false;
    /** vLLM's `priority` (lower = earlier; needs `--scheduling-policy priority`), only when given. */
    readonly priority?: number;
    /** vLLM ≥ 0.10.2 answers with `prompt_token_ids` and per-choice `token_ids`: the ids the model saw and made. */
    readonly return_token_ids: true;
  };

/** What a body sends besides the request and sampling. */
interface BodyExtras {
  /** vLLM's request priority, only when given. */
  readonly priority?: number | undefined;
  /** Token-exact mode: the prompt as token ids (vLLM takes `prompt` as a list of ids), sent instead of its text. */
  readonly promptIds?: readonly number[] | undefined;
}

/** The streamed `/v1/completions` body for one request: text mode, usage in the stream, explicit sampling. */
export function completionBody(
  model: string,
  request: EngineRequest,
  sampling: Sampling,
  { priority, promptIds }: BodyExtras = {},
): CompletionBody {
  return {
    model,
    prompt: promptIds === undefined ? request.prompt : [...promptIds],
    max_tokens: request.maxTokens,
    stop: request.stop.length > 0 ? [...request.stop] : null,
    temperature: sampling.temperature ?? null,
    top_p: sampling.topP ?? null,
    ...(sampling.topK === undefined ? {} : { top_k: sampling.topK }),
    ...(sampling.minP === undefined ? {} : { min_p: sampling.minP }),
    ...(sampling.repetitionPenalty === undefined ? {} : { repetition_penalty: sampling.repetitionPenalty }),
    seed: sampling.seed ?? null,
    stream: true,
    stream_options: { include_usage: true },
    add_special_tokens: false,
    return_token_ids: true,
    ...VLLM_TEXT_MODE,
    ...(priority === undefined ? {} : { priority }),
  };
}
