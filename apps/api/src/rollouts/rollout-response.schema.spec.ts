import { scoreGroup, type RolloutGroupSpec } from '@threadloom/queue';
import {
  createCharsEncoder,
  createCharsTokenizer,
  renderUserPrompt,
  runOrchestration,
  type CompletionResult,
  type Engine,
} from '@threadloom/threading';
import { describe, expect, it } from 'vitest';
import { openApiSchemas } from '../docs/openapi-schemas.js';
import { rolloutExpandedRowSchema, rolloutPackedRowSchema } from './rollout-response.schema.js';

const ok = (text: string, stopReason: string | null): CompletionResult => ({
  text,
  finishReason: 'stop',
  stopReason,
  completionTokens: text.length,
});

/** One block of two threads, then the answer. */
const engine: Engine = {
  complete: (request) => {
    if (request.stop.includes('</Thread>')) return Promise.resolve(ok(' body\n</Thread>', '</Thread>'));
    if (request.prompt.endsWith('</Thread>\n')) return Promise.resolve(ok('</Parallel>\nso \\boxed{5}', null));
    const plan = '<Parallel>\n<Outlines>\n<Outline>1: a</Outline>\n<Outline>2: b</Outline>\n</Outlines>';
    return Promise.resolve(ok(plan, '</Outlines>'));
  },
};

const spec: RolloutGroupSpec = {
  id: 'rollout_x-g0',
  rolloutId: 'rollout_x',
  customId: 'p1',
  tenant: 't',
  k: 2,
  groundTruth: '5',
  rewardProfile: 'paper',
  seeds: [100, 101],
  createdAt: 0,
};

describe('rollout response schemas (the OpenAPI document of the rollout routes)', () => {
  it('describe the packed and expanded rows the scorer really writes', async () => {
    const { state } = await runOrchestration(renderUserPrompt('What is 2+3?'), engine);
    const members = [0, 1].map((member) => ({ member, requestId: `r${member}`, status: 'completed' as const, state }));
    const commit = scoreGroup(spec, members, { tokenizer: createCharsTokenizer(), encoder: createCharsEncoder() });
    expect(commit.packed).toHaveLength(2);
    for (const line of commit.packed) expect(rolloutPackedRowSchema.safeParse(JSON.parse(line)).success).toBe(true);
    expect(commit.expanded).toHaveLength(8);
    for (const line of commit.expanded) {
      expect(rolloutExpandedRowSchema.safeParse(JSON.parse(line)).success).toBe(true);
    }
  });

  it('are OpenAPI objects with the fields a client reads', () => {
    const rollout = openApiSchemas.rollout as { properties: Record<string, unknown>; required: string[] };
    expect(rollout.required).toEqual(
      expect.arrayContaining(['id', 'status', 'group_counts', 'rollout_counts', 'links']),
    );
    const create = openApiSchemas.rolloutCreate as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['problems', 'k', 'reward_profile', 'seed']));
    expect(create.required).toEqual(['problems']);
    const line = openApiSchemas.rolloutResultLine as { anyOf: unknown[] };
    expect(line.anyOf).toHaveLength(3);
  });
});
