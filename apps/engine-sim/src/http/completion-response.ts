import { randomBytes } from 'node:crypto';
import type { FinishReason } from '../decode/decode-options.js';

/** One `choices[]` entry of a completion (or a stream chunk). */
export interface CompletionChoice {
  readonly index: number;
  readonly text: string;
  readonly logprobs: null;
  readonly finish_reason: FinishReason | null;
  readonly stop_reason: string | number | null;
  /** With `return_token_ids`: the prompt's ids (whole response; the first chunk of a stream). */
  readonly prompt_token_ids: readonly number[] | null;
  /** With `return_token_ids`: the generated ids (whole response; each chunk's delta). */
  readonly token_ids: readonly number[] | null;
}

/** vLLM `UsageInfo` with `prompt_tokens_details` always filled (as with `--enable-prompt-tokens-details`). */
interface CompletionUsage {
  readonly prompt_tokens: number;
  readonly total_tokens: number;
  readonly completion_tokens: number;
  readonly prompt_tokens_details: { readonly cached_tokens: number };
}

/** Fields shared by the response and every stream chunk. */
export interface CompletionEnvelope {
  readonly id: string;
  readonly object: 'text_completion';
  readonly created: number;
  readonly model: string;
}

/**
 * A new envelope. Its id is `cmpl-` + the `X-Request-Id` header, else the `request_id` field, else a
 * random id (vLLM's `_base_request_id`).
 */
export function newEnvelope(
  model: string,
  headerId: string | undefined,
  fieldId: string | null | undefined,
): CompletionEnvelope {
  return {
    id: `cmpl-${headerId ?? fieldId ?? randomBytes(16).toString('hex')}`,
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model,
  };
}

/** Usage totals. */
export function usageOf(promptTokens: number, completionTokens: number, cachedTokens: number): CompletionUsage {
  return {
    prompt_tokens: promptTokens,
    total_tokens: promptTokens + completionTokens,
    completion_tokens: completionTokens,
    prompt_tokens_details: { cached_tokens: cachedTokens },
  };
}
