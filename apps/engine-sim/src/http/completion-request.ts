import { z } from 'zod';

const tokenIds = z.array(z.number().int().nonnegative());

/** `POST /v1/completions` body: vLLM's field names and defaults; unknown fields are ignored as vLLM does. */
export const COMPLETION_REQUEST_SCHEMA = z.looseObject({
  model: z.string().nullish(),
  prompt: z.union([z.string(), z.array(z.string()).min(1), tokenIds.min(1), z.array(tokenIds.min(1)).min(1)]),
  max_tokens: z.number().int().min(1).nullish().default(16),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  stop_token_ids: tokenIds.nullish(),
  include_stop_str_in_output: z.boolean().default(false),
  skip_special_tokens: z.boolean().default(true),
  spaces_between_special_tokens: z.boolean().default(true),
  ignore_eos: z.boolean().default(false),
  temperature: z.number().min(0).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  n: z.number().int().min(1).max(128).default(1),
  echo: z.boolean().nullish(),
  stream: z.boolean().nullish().default(false),
  stream_options: z
    .looseObject({ include_usage: z.boolean().nullish(), continuous_usage_stats: z.boolean().nullish() })
    .nullish(),
});

/** A validated completion request. */
export type CompletionRequest = z.infer<typeof COMPLETION_REQUEST_SCHEMA>;

/** Parse result: the request, or the first offending parameter and a message. */
export type CompletionRequestResult =
  | { readonly ok: true; readonly value: CompletionRequest }
  | { readonly ok: false; readonly message: string; readonly param: string | null };

/** Validates a JSON body; never throws. */
export function parseCompletionRequest(body: unknown): CompletionRequestResult {
  const parsed = COMPLETION_REQUEST_SCHEMA.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.map(String).join('.') || null;
    return { ok: false, message: `${param ?? 'body'}: ${issue?.message ?? 'invalid request'}`, param };
  }
  if (parsed.data.stream_options && !parsed.data.stream) {
    return { ok: false, message: 'Stream options can only be defined when `stream=True`.', param: 'stream_options' };
  }
  return { ok: true, value: parsed.data };
}
