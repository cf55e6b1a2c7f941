// vLLM's `CompletionRequest` as data, read from vLLM's source (see VLLM_COMPLETION_SOURCE). The simulator
// validates every request against it and the system tests check every request the workers send.

/** Where the field list was read. */
export const VLLM_COMPLETION_SOURCE = {
  repository: 'vllm-project/vllm',
  path: 'vllm/entrypoints/openai/completion/protocol.py',
  commit: '002032ee2b18e1f7bd924ec47b62504ba3866063',
} as const;

/** JSON shapes of the pydantic annotations used by `CompletionRequest`. */
export type VllmFieldType =
  | 'int'
  | 'float'
  | 'bool'
  | 'str'
  /** `list[int]` */
  | 'int_list'
  /** `list[str]` */
  | 'str_list'
  /** `list[int≥0] | list[list[int≥0]] | str | list[str]` */
  | 'prompt'
  /** `str | list[str]` */
  | 'stop'
  /** a JSON object (dicts, nested models) */
  | 'object'
  /** `bytes | list[bytes]` (base64 strings in JSON) */
  | 'bytes_or_list'
  /** `Literal[...]` */
  | 'literal';

/** One field: its JSON type, whether null is allowed, its default and pydantic's Field constraints. */
export interface VllmField {
  readonly name: string;
  readonly type: VllmFieldType;
  readonly nullable: boolean;
  /** The default as written in the source (documentation only). */
  readonly default: string;
  /** Inclusive bounds (`ge`/`le`). */
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly values?: readonly string[];
}

const INT64_MIN = -(2 ** 63);
const INT64_MAX = 2 ** 63 - 1;

const f = (
  name: string,
  type: VllmFieldType,
  nullable: boolean,
  defaultValue: string,
  extra: Partial<VllmField> = {},
): VllmField => ({ name, type, nullable, default: defaultValue, ...extra });

/** Every `CompletionRequest` field in source order (OpenAI fields, sampling params, extra params). */
export const VLLM_COMPLETION_FIELDS: readonly VllmField[] = [
  f('model', 'str', true, 'None'),
  f('prompt', 'prompt', true, 'None'),
  f('echo', 'bool', true, 'False'),
  f('frequency_penalty', 'float', true, 'None'),
  f('logit_bias', 'object', true, 'None'),
  f('logprobs', 'int', true, 'None'),
  f('max_tokens', 'int', true, '16'),
  f('n', 'int', false, '1'),
  f('presence_penalty', 'float', true, 'None'),
  f('seed', 'int', true, 'None', { min: INT64_MIN, max: INT64_MAX }),
  f('stop', 'stop', true, '[]'),
  f('stream', 'bool', true, 'False'),
  f('stream_options', 'object', true, 'None'),
  f('suffix', 'str', true, 'None'),
  f('temperature', 'float', true, 'None'),
  f('top_p', 'float', true, 'None'),
  f('user', 'str', true, 'None'),
  f('use_beam_search', 'bool', false, 'False'),
  f('top_k', 'int', true, 'None'),
  f('min_p', 'float', true, 'None'),
  f('repetition_penalty', 'float', true, 'None'),
  f('watermarking', 'bool', true, 'None'),
  f('length_penalty', 'float', false, '1.0'),
  f('stop_token_ids', 'int_list', true, '[]'),
  f('include_stop_str_in_output', 'bool', false, 'False'),
  f('ignore_eos', 'bool', false, 'False'),
  f('min_tokens', 'int', false, '0'),
  f('skip_special_tokens', 'bool', false, 'True'),
  f('spaces_between_special_tokens', 'bool', false, 'True'),
  f('truncate_prompt_tokens', 'int', true, 'None', { min: -1, max: INT64_MAX }),
  f('truncation_side', 'literal', true, 'None', { values: ['left', 'right'] }),
  f('allowed_token_ids', 'int_list', true, 'None'),
  f('prompt_logprobs', 'int', true, 'None'),
  f('logprob_token_ids', 'int_list', true, 'None', { minLength: 1 }),
  f('bad_words', 'str_list', false, '[]'),
  f('prompt_embeds', 'bytes_or_list', true, 'None'),
  f('add_special_tokens', 'bool', false, 'True'),
  f('response_format', 'object', true, 'None'),
  f('structured_outputs', 'object', true, 'None'),
  f('priority', 'int', false, '0', { min: INT64_MIN, max: INT64_MAX }),
  f('request_id', 'str', false, 'random_uuid()'),
  f('session_id', 'str', true, 'None'),
  f('return_tokens_as_token_ids', 'bool', true, 'None'),
  f('return_token_ids', 'bool', true, 'None'),
  f('routed_experts_prompt_start', 'int', false, '0', { min: 0 }),
  f('return_token_offsets', 'bool', true, 'False'),
  f('return_mm_kwargs', 'bool', false, 'True'),
  f('cache_salt', 'str', true, 'None', { minLength: 1, maxLength: 1024 }),
  f('kv_transfer_params', 'object', true, 'None'),
  f('ec_transfer_params', 'object', true, 'None'),
  f('vllm_xargs', 'object', true, 'None'),
  f('repetition_detection', 'object', true, 'None'),
  f('thinking_token_budget', 'int', true, 'None'),
  f('stream_interval', 'int', true, 'None', { min: 1 }),
];

/** `StreamOptions` fields. */
export const VLLM_STREAM_OPTIONS_FIELDS: readonly VllmField[] = [
  f('include_usage', 'bool', true, 'True'),
  f('continuous_usage_stats', 'bool', true, 'False'),
];

/**
 * `SamplingParams._verify_args` ranges (vllm/sampling_params.py), applied after defaults; inclusive
 * unless `exclusiveMin`. `top_k` −1 is accepted as "disabled" like 0.
 */
export const VLLM_SAMPLING_RANGES: readonly {
  readonly name: string;
  readonly min: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly message: string;
}[] = [
  { name: 'n', min: 1, message: 'n must be at least 1' },
  { name: 'temperature', min: 0, max: 2, message: 'temperature must be in [0, 2]' },
  { name: 'top_p', min: 0, max: 1, exclusiveMin: true, message: 'top_p must be in (0, 1]' },
  { name: 'top_k', min: -1, message: 'top_k must be 0 (disable), or at least 1' },
  { name: 'min_p', min: 0, max: 1, message: 'min_p must be in [0, 1]' },
  { name: 'repetition_penalty', min: 0, exclusiveMin: true, message: 'repetition_penalty must be greater than zero' },
  { name: 'presence_penalty', min: -2, max: 2, message: 'presence_penalty must be in [-2, 2]' },
  { name: 'frequency_penalty', min: -2, max: 2, message: 'frequency_penalty must be in [-2, 2]' },
  { name: 'max_tokens', min: 1, message: 'max_tokens must be at least 1' },
  { name: 'min_tokens', min: 0, message: 'min_tokens must be greater than or equal to 0' },
];
