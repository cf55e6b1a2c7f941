import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderChatPrompt, type ChatMessage } from '@threadloom/threading';
import { z } from 'zod';
import { sendError, sendJson } from './error-response.js';
import { readJson } from './read-json.js';
import type { SimContext } from './sim-context.js';

const TOKENIZE_SCHEMA = z.union([
  z.looseObject({
    prompt: z.string(),
    add_special_tokens: z.boolean().optional(),
    return_token_strs: z.boolean().nullish(),
  }),
  z.looseObject({
    messages: z.array(z.looseObject({ role: z.string(), content: z.string() })).min(1),
    add_generation_prompt: z.boolean().default(true),
    return_token_strs: z.boolean().nullish(),
  }),
]);
const DETOKENIZE_SCHEMA = z.looseObject({ tokens: z.array(z.number().int().nonnegative()) });

/** `POST /tokenize` (completion form `prompt`, or chat form `messages` with the Qwen3 template). */
export async function handleTokenize(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  if (!body.ok) return sendError(res, 400, body.message);
  const parsed = TOKENIZE_SCHEMA.safeParse(body.value);
  if (!parsed.success)
    return sendError(res, 400, 'Expected `prompt` (string) or `messages` (list of {role, content}).', 'prompt');
  const request = parsed.data;
  const text =
    typeof request.prompt === 'string'
      ? request.prompt
      : renderChatPrompt(request.messages as readonly ChatMessage<string>[], request.add_generation_prompt as boolean);
  // Token strings need the tokens themselves; ids alone come from the prompt encoder (the completion that
  // usually follows a count carries the same text).
  const tokens = request.return_token_strs ? ctx.tokenizer.encode(text) : undefined;
  const ids = tokens === undefined ? ctx.prompts.ids(text) : tokens.map((t) => t.id);
  sendJson(res, 200, {
    count: ids.length,
    max_model_len: ctx.options.maxModelLen,
    tokens: ids,
    token_strs: tokens === undefined ? null : tokens.map((t) => t.text),
  });
}

/** `POST /detokenize`. */
export async function handleDetokenize(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  if (!body.ok) return sendError(res, 400, body.message);
  const parsed = DETOKENIZE_SCHEMA.safeParse(body.value);
  if (!parsed.success) return sendError(res, 400, 'Expected `tokens` (list of token ids).', 'tokens');
  let prompt = '';
  for (const id of parsed.data.tokens) {
    const token = ctx.tokenizer.decodeId(id);
    if (!token) return sendError(res, 400, `Token id ${id} is out of vocabulary.`, 'tokens');
    prompt += token.text;
  }
  sendJson(res, 200, { prompt });
}
