import {
  VLLM_COMPLETION_FIELDS,
  VLLM_SAMPLING_RANGES,
  VLLM_STREAM_OPTIONS_FIELDS,
  type VllmField,
} from './vllm-completion-fields.js';

/** One rejected parameter, as vLLM names it in its 400 body. */
export interface VllmRequestIssue {
  readonly param: string;
  readonly message: string;
}

/**
 * The verdict on a `/v1/completions` body: what vLLM would reject (`issues`, first one first) and the
 * fields it would accept but ignore (`unknownFields`: vLLM's `extra="allow"`, so a misspelt field fails
 * silently — the system tests require none).
 */
export interface VllmRequestCheck {
  readonly issues: readonly VllmRequestIssue[];
  readonly unknownFields: readonly string[];
}

const FIELDS = new Map(VLLM_COMPLETION_FIELDS.map((field) => [field.name, field]));

/** Checks a request body against vLLM's field types, Field constraints, model validators and sampling ranges. */
export function checkVllmCompletionRequest(body: unknown): VllmRequestCheck {
  if (!isObject(body))
    return { issues: [{ param: 'body', message: 'Input should be a valid dictionary' }], unknownFields: [] };
  const issues: VllmRequestIssue[] = [];
  const unknownFields: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    const field = FIELDS.get(name);
    if (!field) unknownFields.push(name);
    else issues.push(...checkField(field, value, name));
  }
  if (isObject(body['stream_options'])) {
    for (const field of VLLM_STREAM_OPTIONS_FIELDS) {
      const value = body['stream_options'][field.name];
      if (value !== undefined) issues.push(...checkField(field, value, `stream_options.${field.name}`));
    }
  }
  if (issues.length === 0) issues.push(...modelValidators(body), ...samplingRanges(body));
  return { issues, unknownFields };
}

function checkField(field: VllmField, value: unknown, param: string): VllmRequestIssue[] {
  if (value === null) return field.nullable ? [] : [{ param, message: `${param}: Input should not be None` }];
  if (!matchesType(field, value)) return [{ param, message: `${param}: Input should be of type ${field.type}` }];
  if (typeof value === 'number') {
    if (field.min !== undefined && value < field.min)
      return [{ param, message: `${param}: Input should be greater than or equal to ${field.min}` }];
    if (field.max !== undefined && value > field.max)
      return [{ param, message: `${param}: Input should be less than or equal to ${field.max}` }];
  }
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  if (length !== undefined && field.minLength !== undefined && length < field.minLength)
    return [{ param, message: `${param}: should have at least ${field.minLength} items or characters` }];
  if (length !== undefined && field.maxLength !== undefined && length > field.maxLength)
    return [{ param, message: `${param}: should have at most ${field.maxLength} items or characters` }];
  return [];
}

function matchesType(field: VllmField, value: unknown): boolean {
  switch (field.type) {
    case 'int':
      return Number.isInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'str':
      return typeof value === 'string';
    case 'int_list':
      return Array.isArray(value) && value.every((v) => Number.isInteger(v));
    case 'str_list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'prompt':
      return typeof value === 'string' || isPromptList(value);
    case 'stop':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    case 'object':
      return isObject(value);
    case 'bytes_or_list':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    case 'literal':
      return typeof value === 'string' && (field.values ?? []).includes(value);
  }
}

function isPromptList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const tokenIds = (list: unknown): boolean =>
    Array.isArray(list) && list.every((v) => Number.isInteger(v) && (v as number) >= 0);
  return tokenIds(value) || value.every((v) => tokenIds(v)) || value.every((v) => typeof v === 'string');
}

/** The `@model_validator(mode="before")` checks of `CompletionRequest`, in source order. */
function modelValidators(body: Readonly<Record<string, unknown>>): VllmRequestIssue[] {
  const issues: VllmRequestIssue[] = [];
  const logprobs = body['logprobs'] as number | null | undefined;
  const promptLogprobs = body['prompt_logprobs'] as number | null | undefined;
  if (Array.isArray(body['logprob_token_ids']) && (logprobs === undefined || logprobs === null))
    issues.push({ param: 'logprob_token_ids', message: 'when using `logprob_token_ids`, `logprobs` must be set.' });
  if (typeof promptLogprobs === 'number' && body['stream'] === true && (promptLogprobs > 0 || promptLogprobs === -1))
    issues.push({ param: 'prompt_logprobs', message: '`prompt_logprobs` are not available when `stream=True`.' });
  if (typeof promptLogprobs === 'number' && promptLogprobs < -1)
    issues.push({ param: 'prompt_logprobs', message: '`prompt_logprobs` must be a positive value or -1.' });
  if (typeof logprobs === 'number' && logprobs < -1)
    issues.push({ param: 'logprobs', message: '`logprobs` must be a positive value or -1.' });
  if (body['stream_options'] && !body['stream'])
    issues.push({ param: 'stream_options', message: 'Stream options can only be defined when `stream=True`.' });
  const prompt = body['prompt'];
  const embeds = body['prompt_embeds'];
  const promptEmpty = prompt === undefined || prompt === null || prompt === '';
  const embedsEmpty = embeds === undefined || embeds === null || (Array.isArray(embeds) && embeds.length === 0);
  if (promptEmpty && embedsEmpty)
    issues.push({ param: 'prompt', message: 'Either prompt or prompt_embeds must be provided and non-empty.' });
  return issues;
}

/** `SamplingParams` range checks on the values that were sent (unsent ones take valid defaults). */
function samplingRanges(body: Readonly<Record<string, unknown>>): VllmRequestIssue[] {
  const issues: VllmRequestIssue[] = [];
  for (const range of VLLM_SAMPLING_RANGES) {
    const value = body[range.name];
    if (typeof value !== 'number') continue;
    const low = range.exclusiveMin ? value <= range.min : value < range.min;
    if (low || (range.max !== undefined && value > range.max))
      issues.push({ param: range.name, message: `${range.message}, got ${value}.` });
  }
  const maxTokens = typeof body['max_tokens'] === 'number' ? body['max_tokens'] : 16;
  if (typeof body['min_tokens'] === 'number' && body['min_tokens'] > maxTokens)
    issues.push({
      param: 'min_tokens',
      message: `min_tokens must be less than or equal to max_tokens=${maxTokens}, got ${body['min_tokens']}.`,
    });
  const stop = body['stop'];
  if (stop === '' || (Array.isArray(stop) && stop.includes('')))
    issues.push({ param: 'stop', message: 'stop cannot contain an empty string.' });
  return issues;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
