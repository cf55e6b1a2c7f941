import type { PromptEncoder } from '../text/prompt-encoder.js';
import type { CompletionRequest } from './completion-request.js';

/** One prompt as text and token ids. */
export interface ResolvedPrompt {
  readonly text: string;
  readonly ids: readonly number[];
}

/** Prompts as text + ids, or a 400 message (unknown token id, over the context length). */
type PromptsResult =
  | { readonly ok: true; readonly prompts: readonly ResolvedPrompt[]; readonly maxTokens: number }
  | { readonly ok: false; readonly message: string; readonly param: string };

/** Normalises `prompt` (string, strings, ids, id lists) and checks the context length as vLLM does. */
export function resolvePrompts(request: CompletionRequest, encoder: PromptEncoder, maxModelLen: number): PromptsResult {
  const raw = request.prompt;
  const list: (string | number[])[] = typeof raw === 'string' ? [raw] : isIdList(raw) ? [raw] : raw;
  const prompts: ResolvedPrompt[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      prompts.push({ text: item, ids: encoder.ids(item) });
      continue;
    }
    let text = '';
    for (const id of item) {
      const token = encoder.tokenizer.decodeId(id);
      if (!token) return { ok: false, message: `Token id ${id} is out of vocabulary.`, param: 'prompt' };
      text += token.text;
    }
    prompts.push({ text, ids: item });
  }
  if (prompts.some((p) => p.ids.length === 0))
    return { ok: false, message: 'The decoder prompt cannot be empty', param: 'prompt' };
  const longest = Math.max(...prompts.map((p) => p.ids.length));
  const maxTokens = request.max_tokens;
  if (maxTokens > maxModelLen) {
    // vLLM's TokenizeParams wording, quirks included (no space before "cannot", the `=` debug form).
    const message = `max_tokens=${maxTokens}cannot be greater than max_model_len=max_total_tokens=${maxModelLen}. Please request fewer output tokens. (parameter=max_tokens, value=${maxTokens})`;
    return { ok: false, message, param: 'max_tokens' };
  }
  if (longest > maxModelLen - maxTokens) {
    return { ok: false, message: contextLengthMessage(longest, maxTokens, maxModelLen), param: 'input_tokens' };
  }
  return { ok: true, prompts, maxTokens };
}

/** vLLM's 400 wording when the input plus `max_tokens` exceed the context. */
export function contextLengthMessage(inputTokens: number, maxTokens: number, maxModelLen: number): string {
  return `You passed ${inputTokens} input tokens and requested ${maxTokens} output tokens. However, the model's context length is only ${maxModelLen} tokens, resulting in a maximum input length of ${maxModelLen - maxTokens} tokens. Please reduce the length of the input prompt. (parameter=input_tokens, value=${inputTokens})`;
}

function isIdList(value: unknown): value is number[] {
  return Array.isArray(value) && typeof value[0] === 'number';
}
