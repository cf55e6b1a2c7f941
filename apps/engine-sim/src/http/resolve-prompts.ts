import type { SimTokenizer } from '../text/sim-tokenizer.js';
import type { CompletionRequest } from './completion-request.js';

/** One prompt as text and token ids. */
export interface ResolvedPrompt {
  readonly text: string;
  readonly ids: readonly number[];
}

/** Prompts as text + ids, or a 400 message (unknown token id, over the context length). */
export type PromptsResult =
  | { readonly ok: true; readonly prompts: readonly ResolvedPrompt[]; readonly maxTokens: number }
  | { readonly ok: false; readonly message: string; readonly param: string };

/** Normalises `prompt` (string, strings, ids, id lists) and checks the context length as vLLM does. */
export function resolvePrompts(
  request: CompletionRequest,
  tokenizer: SimTokenizer,
  maxModelLen: number,
): PromptsResult {
  const raw = request.prompt;
  const list: (string | number[])[] = typeof raw === 'string' ? [raw] : isIdList(raw) ? [raw] : raw;
  const prompts: ResolvedPrompt[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      prompts.push({ text: item, ids: tokenizer.encode(item).map((t) => t.id) });
      continue;
    }
    let text = '';
    for (const id of item) {
      const token = tokenizer.decodeId(id);
      if (!token) return { ok: false, message: `Token id ${id} is out of vocabulary.`, param: 'prompt' };
      text += token.text;
    }
    prompts.push({ text, ids: item });
  }
  if (prompts.some((p) => p.ids.length === 0))
    return { ok: false, message: 'The decoder prompt cannot be empty', param: 'prompt' };
  const longest = Math.max(...prompts.map((p) => p.ids.length));
  if (longest >= maxModelLen) {
    const message = `This model's maximum context length is ${maxModelLen} tokens. However, your request has ${longest} input tokens. Please reduce the length of the input messages.`;
    return { ok: false, message, param: 'prompt' };
  }
  const maxTokens = request.max_tokens ?? maxModelLen - longest;
  if (longest + maxTokens > maxModelLen) {
    const message = `This model's maximum context length is ${maxModelLen} tokens. However, you requested ${longest + maxTokens} tokens (${longest} in the messages, ${maxTokens} in the completion). Please reduce the length of the messages or completion.`;
    return { ok: false, message, param: 'max_tokens' };
  }
  return { ok: true, prompts, maxTokens };
}

function isIdList(value: unknown): value is number[] {
  return Array.isArray(value) && typeof value[0] === 'number';
}
