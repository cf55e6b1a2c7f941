import { REWARD_PROFILE_NAMES, type RewardProfileName } from '@threadloom/rewards';
import { z } from 'zod';
import type { ApiConfig } from '../config/api-config.js';
import { chatMessageSchema, reasoningOptionFields } from '../reasoning/reasoning-request.schema.js';

/** Bounds of `k`, the rollouts per problem: a group needs two members for a baseline. */
const ROLLOUT_K = { min: 2, max: 64, default: 8 } as const;

/** One problem of a rollout job: the prompt (exactly one form) and its ground truth. */
function rolloutProblemSchema(config: ApiConfig) {
  return z
    .object({
      custom_id: z.string().min(1).max(128).optional(),
      problem: z.string().min(1).max(config.limits.promptChars).optional(),
      prompt: z.string().min(1).max(config.limits.promptChars).optional(),
      messages: z.array(chatMessageSchema(config)).min(1).max(config.limits.messages).optional(),
      ground_truth: z.union([z.string().min(1).max(1000), z.array(z.string().min(1).max(1000)).min(1).max(16)]),
    })
    .strict()
    .superRefine((problem, ctx) => {
      const forms = [problem.problem, problem.prompt, problem.messages].filter((form) => form !== undefined);
      if (forms.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['problem'],
          message: 'exactly one of problem, prompt or messages is required',
          params: { rule: 'exactly_one_of' },
        });
    });
}
export type RolloutProblem = z.output<ReturnType<typeof rolloutProblemSchema>>;

/** Sampling, budgets and policies every member of every group runs with (the reasoning options minus mode and metadata). */
function memberOptionFields(config: ApiConfig) {
  const { mode: _mode, metadata: _metadata, ...fields } = reasoningOptionFields(config);
  return fields;
}

/** `POST /v1/rollouts`: problems with ground truth, k rollouts each, member options and a reward profile. */
export function rolloutCreateSchema(config: ApiConfig) {
  return z
    .object({
      problems: z.array(rolloutProblemSchema(config)).min(1).max(config.limits.batchSize),
      k: z.number().int().min(ROLLOUT_K.min).max(ROLLOUT_K.max).default(ROLLOUT_K.default),
      reward_profile: z.enum(REWARD_PROFILE_NAMES as [RewardProfileName, ...RewardProfileName[]]).default('paper'),
      ...memberOptionFields(config),
    })
    .strict()
    .superRefine((body, ctx) => {
      const total = body.problems.length * body.k;
      if (total > config.limits.batchSize)
        ctx.addIssue({
          code: 'custom',
          path: ['problems'],
          message: `${body.problems.length} problems × k=${body.k} = ${total} requests exceeds ${config.limits.batchSize}`,
          params: { rule: 'max_requests' },
        });
      const seen = new Set<string>();
      body.problems.forEach((problem, index) => {
        if (problem.custom_id === undefined) return;
        if (seen.has(problem.custom_id))
          ctx.addIssue({
            code: 'custom',
            path: ['problems', index, 'custom_id'],
            message: `duplicate custom_id '${problem.custom_id}'`,
            params: { rule: 'unique' },
          });
        seen.add(problem.custom_id);
      });
    });
}
export type RolloutCreateBody = z.output<ReturnType<typeof rolloutCreateSchema>>;
