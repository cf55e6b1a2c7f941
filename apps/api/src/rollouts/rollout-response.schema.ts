import { REQUEST_STATUSES, type RequestStatus } from '@threadloom/contracts';
import { REWARD_PROFILE_NAMES, type RewardProfileName } from '@threadloom/rewards';
import { z } from 'zod';

// The wire forms of the rollout routes, for the OpenAPI document. The presenter's return types are these
// schemas' outputs (checked by the compiler) and rollout-response.schema.spec.ts parses real export rows.

const isoTime = z.string().describe('ISO 8601 time');
const count = z.number().int().min(0);
/** Rollouts by request status (the compiler keeps the list equal to REQUEST_STATUSES). */
const statusCounts = {
  queued: count,
  running: count,
  completed: count,
  failed: count,
  cancelled: count,
  expired: count,
} satisfies Record<RequestStatus, typeof count>;

/** `POST /v1/rollouts`, `GET /v1/rollouts/:id`, `POST /v1/rollouts/:id/cancel`: the job with its progress. */
export const rolloutObjectSchema = z.strictObject({
  id: z.string(),
  object: z.literal('rollout'),
  status: z.enum(['in_progress', 'completed', 'cancelling', 'cancelled']),
  k: z.number().int().describe('rollouts per problem (group size)'),
  reward_profile: z.enum(REWARD_PROFILE_NAMES as [RewardProfileName, ...RewardProfileName[]]),
  created_at: isoTime.nullable(),
  completed_at: isoTime.nullable().describe('when the last group was scored'),
  cancelled_at: isoTime.nullable(),
  group_counts: z.strictObject({ total: count, scored: count }),
  rollout_counts: z.strictObject({ total: count, ...statusCounts }),
  metrics: z.strictObject({
    accuracy: z.number().nullable().describe('correct ÷ scored rollouts'),
    scored: count,
    correct: count,
    mean_reward: z.number().nullable(),
    mean_acceleration: z.number().nullable().describe('mean η of scored rollouts'),
  }),
  links: z.strictObject({
    self: z.string(),
    groups: z.string(),
    packed: z.string(),
    expanded: z.string(),
    cancel: z.string(),
  }),
});

const memberSchema = z.strictObject({
  member: z.number().int(),
  request_id: z.string(),
  status: z.enum(REQUEST_STATUSES),
  seed: z.number().int(),
  answer: z.string().nullable(),
  correct: z.boolean(),
  eta: z.number(),
  correctness_reward: z.number(),
  acceleration_reward: z.number(),
  reward: z.number().nullable().describe('null when the member did not complete'),
  advantage: z.number().nullable().describe('reward − mean reward of the completed members (P-GRPO, no std)'),
  units: count.describe('engine calls'),
});

/** One line of `results?format=groups`. */
const rolloutGroupLineSchema = z.strictObject({
  group_id: z.string(),
  custom_id: z.string(),
  status: z.enum(['pending', 'completed', 'partial', 'failed', 'expired']),
  settled: count.describe('members that reached a terminal state'),
  committed_at: isoTime.nullable(),
  mean_reward: z.number().nullable(),
  members: z.array(memberSchema),
});

const ids = z.array(z.number().int());

/** Fields every packed and expanded row carries (extra fields may be added; these are guaranteed). */
const rowIdentity = {
  rollout_id: z.string(),
  group_id: z.string(),
  custom_id: z.string(),
  member: z.number().int(),
  request_id: z.string(),
  seed: z.number().int(),
  reward: z.number(),
  advantage: z.number(),
  correct: z.boolean(),
  token_source: z.enum(['engine', 'tokenizer']).describe('where the token ids come from'),
  tokenizer: z.string(),
};

/** One line of `results?format=packed`: a trie-packed row (docs/training.md), or why it could not be packed. */
export const rolloutPackedRowSchema = z.union([
  z.object({
    ...rowIdentity,
    ok: z.literal(true),
    units: count,
    prompt_tokens: count,
    input_ids: ids,
    position_ids: ids.describe('trie depth'),
    parent: ids.describe('parent node index, −1 for the root'),
    tin: ids,
    tout: ids.describe('i attends j iff tin[j] ≤ tin[i] ≤ tout[j]'),
    labels: ids.describe('already shifted; −100 where there is no loss'),
    loss_mask: ids.describe('1 on completion tokens the model generated, in the context it generated them in'),
    advantages: z.array(z.number()),
  }),
  z.object({ ...rowIdentity, ok: z.literal(false), issues: z.array(z.string()) }),
]);

/** One line of `results?format=expanded`: one engine call (spec §4.5). */
export const rolloutExpandedRowSchema = z.object({
  ...rowIdentity,
  unit: count,
  kind: z.enum(['sequential', 'thread']),
  block: count,
  thread: z.string().nullable(),
  finish_reason: z.enum(['stop', 'length']),
  prompt_ids: ids,
  response_ids: ids,
});

/** Any line of `GET /v1/rollouts/:id/results`, by `format`. */
export const rolloutResultLineSchema = z.union([
  rolloutGroupLineSchema,
  rolloutPackedRowSchema,
  rolloutExpandedRowSchema,
]);

/** The wire form of a rollout job. */
export type RolloutObject = z.output<typeof rolloutObjectSchema>;
/** One line of `results?format=groups`. */
export type RolloutGroupLine = z.output<typeof rolloutGroupLineSchema>;
