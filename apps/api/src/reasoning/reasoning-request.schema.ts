import { z } from 'zod';
import { CHAT_ROLES } from '@threadloom/threading';
import type { ApiConfig } from '../config/api-config.js';

const DAY_MS = 86_400_000;

/** Fields shared by the native API and the OpenAI facade: sampling, budgets and policies (snake_case). */
export function reasoningOptionFields(config: ApiConfig) {
  const tokens = z.number().int().positive().max(config.limits.maxTokens);
  return {
    model: z
      .string()
      .refine((model) => config.models.includes(model), {
        message: `must be one of: ${config.models.join(', ')}`,
        params: { rule: 'known_model' },
      })
      .optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().gt(0).max(1).optional(),
    top_k: z.number().int().min(-1).optional(),
    min_p: z.number().min(0).max(1).optional(),
    repetition_penalty: z.number().gt(0).optional(),
    seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
    max_tokens: tokens.optional(),
    max_tokens_per_thread: tokens.optional(),
    max_concurrent_threads: z.number().int().positive().max(1024).optional(),
    deadline_ms: z.number().int().positive().max(DAY_MS).optional(),
    mode: z.enum(['parallel', 'sequential']).optional(),
    on_thread_failure: z.enum(['fail', 'drop']).optional(),
    priority: z.number().int().min(1).max(1000).optional(),
    metadata: z
      .record(z.string().min(1).max(64), z.string().max(512))
      .refine((value) => Object.keys(value).length <= 16, { message: 'at most 16 keys', params: { rule: 'max_keys' } })
      .optional(),
  };
}

/** A chat message as accepted on the wire. */
export function chatMessageSchema(config: ApiConfig) {
  return z.object({ role: z.enum(CHAT_ROLES), content: z.string().max(config.limits.promptChars) }).strict();
}

/** Body of `POST /v1/reasoning`: exactly one of `messages` or `prompt`, plus options. Unknown fields are rejected. */
export function reasoningRequestSchema(config: ApiConfig) {
  return z
    .object({
      messages: z.array(chatMessageSchema(config)).min(1).max(config.limits.messages).optional(),
      prompt: z.string().min(1).max(config.limits.promptChars).optional(),
      ...reasoningOptionFields(config),
    })
    .strict()
    .superRefine((body, ctx) => {
      if ((body.messages === undefined) === (body.prompt === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['messages'],
          message: 'exactly one of messages or prompt is required',
          params: { rule: 'exactly_one_of' },
        });
      }
      const chars = body.messages?.reduce((sum, message) => sum + message.content.length, 0) ?? 0;
      if (chars > config.limits.promptChars) {
        ctx.addIssue({
          code: 'custom',
          path: ['messages'],
          message: `total content exceeds ${config.limits.promptChars} characters`,
          params: { rule: 'max_prompt_chars' },
        });
      }
    });
}
/** Options shared with the facade, as parsed. */
export type ReasoningOptions = Partial<{
  [K in keyof ReturnType<typeof reasoningOptionFields>]: z.output<ReturnType<typeof reasoningOptionFields>[K]>;
}>;
