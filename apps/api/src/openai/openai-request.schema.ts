import { z } from 'zod';
import type { ApiConfig } from '../config/api-config.js';
import { reasoningOptionFields } from '../reasoning/reasoning-request.schema.js';

/** OpenAI fields accepted for compatibility; unknown fields are still rejected. */
function openAiCommonFields(config: ApiConfig) {
  return {
    ...reasoningOptionFields(config),
    max_completion_tokens: z.number().int().positive().max(config.limits.maxTokens).optional(),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).strict().nullable().optional(),
    n: z.literal(1, { message: 'only n=1 is supported' }).optional(),
    user: z.string().max(256).optional(),
  };
}

const textPart = z.object({ type: z.literal('text'), text: z.string() }).strict();

/** A chat message as the OpenAI SDK sends it (string or text parts; `developer` is treated as `system`). */
function openAiMessageSchema(config: ApiConfig) {
  return z
    .object({
      role: z.enum(['system', 'developer', 'user', 'assistant']),
      content: z.union([z.string().max(config.limits.promptChars), z.array(textPart).min(1)]),
      name: z.string().max(64).optional(),
    })
    .strict()
    .transform(({ role, content }) => ({
      role: role === 'developer' ? ('system' as const) : role,
      content: typeof content === 'string' ? content : content.map((part) => part.text).join(''),
    }));
}

/** `POST /v1/chat/completions`. */
export function chatCompletionRequestSchema(config: ApiConfig) {
  return z
    .object({
      messages: z.array(openAiMessageSchema(config)).min(1).max(config.limits.messages),
      ...openAiCommonFields(config),
    })
    .strict()
    .superRefine((body, ctx) => {
      const chars = body.messages.reduce((sum, message) => sum + message.content.length, 0);
      if (chars > config.limits.promptChars)
        ctx.addIssue({
          code: 'custom',
          path: ['messages'],
          message: `total content exceeds ${config.limits.promptChars} characters`,
          params: { rule: 'max_prompt_chars' },
        });
    });
}
export type ChatCompletionRequest = z.output<ReturnType<typeof chatCompletionRequestSchema>>;

/** `POST /v1/completions` (a single string prompt). */
export function completionRequestSchema(config: ApiConfig) {
  return z
    .object({
      prompt: z.string().min(1).max(config.limits.promptChars),
      echo: z.literal(false).optional(),
      ...openAiCommonFields(config),
    })
    .strict();
}
export type CompletionRequest = z.output<ReturnType<typeof completionRequestSchema>>;
