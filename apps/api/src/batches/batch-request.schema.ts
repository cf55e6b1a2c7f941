import { z } from 'zod';
import type { ApiConfig } from '../config/api-config.js';
import { reasoningRequestSchema } from '../reasoning/reasoning-request.schema.js';

/** Endpoints a batch line may name (OpenAI Batch API shape); every body runs as a reasoning request. */
const BATCH_LINE_URLS = ['/v1/reasoning', '/v1/chat/completions', '/v1/completions'] as const;

/** One line of a batch: `{ custom_id?, method?, url?, body, ground_truth? }`. */
function batchLineSchema(config: ApiConfig) {
  return z
    .object({
      custom_id: z.string().min(1).max(128).optional(),
      method: z.literal('POST').optional(),
      url: z.enum(BATCH_LINE_URLS).optional(),
      body: reasoningRequestSchema(config),
      ground_truth: z.union([z.string().max(1000), z.array(z.string().max(1000)).min(1).max(16)]).optional(),
    })
    .strict();
}
export type BatchLine = z.output<ReturnType<typeof batchLineSchema>>;

/** `POST /v1/batches` JSON body: an array of lines, at most the configured batch size, unique custom ids. */
export function batchCreateSchema(config: ApiConfig) {
  return z
    .array(batchLineSchema(config))
    .min(1)
    .max(config.limits.batchSize)
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((line, index) => {
        if (line.custom_id === undefined) return;
        if (seen.has(line.custom_id))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'custom_id'],
            message: `duplicate custom_id '${line.custom_id}'`,
            params: { rule: 'unique' },
          });
        seen.add(line.custom_id);
      });
    });
}
