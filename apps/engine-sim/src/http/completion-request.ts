import { checkVllmCompletionRequest } from '@threadloom/contracts';
import { z } from 'zod';

const tokenIds = z.array(z.number().int().nonnegative());

/**
 * The fields the simulator acts on, typed, with vLLM's defaults. Types, ranges and vLLM's model validators
 * are checked first against the vLLM field list in @threadloom/contracts; unknown fields are accepted and
 * ignored (vLLM's `extra="allow"`).
 */
const SIM_REQUEST_SCHEMA = z.looseObject({
  model: z.string().nullish(),
  // Token ids before string lists: a union tries its options in order and an array option checks every
  // element, so a token-id prompt (what token-exact workers send) tried as strings first paid one issue per id.
  prompt: z.union([z.string(), tokenIds.min(1), z.array(z.string()).min(1), z.array(tokenIds.min(1)).min(1)]),
  // vLLM's `normalize_null_max_tokens`: null means the field default, 16.
  max_tokens: z
    .number()
    .int()
    .nullish()
    .transform((value) => value ?? 16),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  stop_token_ids: tokenIds.nullish(),
  include_stop_str_in_output: z.boolean().default(false),
  skip_special_tokens: z.boolean().default(true),
  spaces_between_special_tokens: z.boolean().default(true),
  ignore_eos: z.boolean().default(false),
  temperature: z.number().nullish(),
  seed: z.number().int().nullish(),
  // The simulator's own cap: each choice is planned up front.
  n: z.number().int().max(128).default(1),
  echo: z.boolean().nullish(),
  stream: z.boolean().nullish().default(false),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  add_special_tokens: z.boolean().default(true),
  return_token_ids: z.boolean().nullish(),
  request_id: z.string().nullish(),
  priority: z.number().int().default(0),
});

/** A validated completion request. */
export type CompletionRequest = z.infer<typeof SIM_REQUEST_SCHEMA>;

/** Parse result: the request, or the first offending parameter and a message. */
type CompletionRequestResult =
  | { readonly ok: true; readonly value: CompletionRequest }
  | { readonly ok: false; readonly message: string; readonly param: string | null };

/** Validates a JSON body as vLLM would; never throws. */
export function parseCompletionRequest(body: unknown): CompletionRequestResult {
  const vllm = checkVllmCompletionRequest(body);
  const first = vllm.issues[0];
  if (first) return { ok: false, message: first.message, param: first.param };
  const parsed = SIM_REQUEST_SCHEMA.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.map(String).join('.') || null;
    return { ok: false, message: `${param ?? 'body'}: ${issue?.message ?? 'invalid request'}`, param };
  }
  return { ok: true, value: parsed.data };
}
