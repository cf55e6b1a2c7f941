import { z } from 'zod';

/** Budgets and policies a caller may set on one reasoning request. */
export const reasoningParametersSchema = z
  .object({
    mode: z.enum(['parallel', 'sequential']).default('parallel'),
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().gt(0).max(1).optional(),
    /** vLLM's `top_k`: −1 or 0 disable it. */
    topK: z.number().int().min(-1).optional(),
    minP: z.number().min(0).max(1).optional(),
    repetitionPenalty: z.number().gt(0).optional(),
    /** Every engine call gets its own seed derived from this one (engineCallSeed); unset = unseeded sampling. */
    seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
    maxTokens: z.number().int().positive().max(1_000_000).default(40_000),
    maxTokensPerThread: z.number().int().positive().optional(),
    maxConcurrentThreads: z.number().int().positive().max(1024).optional(),
    deadlineMs: z.number().int().positive().optional(),
    onThreadFailure: z.enum(['fail', 'drop']).default('fail'),
    priority: z.number().int().min(1).max(1_000).optional(),
  })
  .strict();
export type ReasoningParameters = z.infer<typeof reasoningParametersSchema>;

/** Model name producers request and workers send when nothing else is configured. */
export const DEFAULT_MODEL = 'threadweaver';

/** What a producer submits: the rendered prompt (chat template already applied) plus parameters. */
export const reasoningSubmissionSchema = z
  .object({
    prompt: z.string().min(1),
    model: z.string().min(1).default(DEFAULT_MODEL),
    tenant: z.string().min(1).default('default'),
    parameters: reasoningParametersSchema.default({ mode: 'parallel', maxTokens: 40_000, onThreadFailure: 'fail' }),
    metadata: z.record(z.string(), z.string()).optional(),
    batchId: z.string().optional(),
    /** Membership of an RL rollout group: the group's id and this request's index in it (0..k−1). */
    rollout: z
      .object({ group: z.string().min(1).max(160), member: z.number().int().nonnegative().max(1023) })
      .strict()
      .optional(),
  })
  .strict();
export type ReasoningSubmission = z.input<typeof reasoningSubmissionSchema>;
export type NormalizedSubmission = z.output<typeof reasoningSubmissionSchema>;
